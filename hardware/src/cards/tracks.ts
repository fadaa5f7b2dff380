/**
 * ISO 7813 magnetic-stripe tracks, as readers deliver them:
 *   track 1  %B<PAN>^<NAME>^<YYMM><service code><discretionary>?
 *   track 2  ;<PAN>=<YYMM><service code><discretionary>?
 */
export interface MagstripeData {
  pan: string
  name?: string
  /** YYMM */
  expiry: string
  serviceCode: string
  track1?: string
  track2?: string
}

export class BadSwipeError extends Error {}

const luhnValid = (pan: string) => {
  let sum = 0
  for (let i = 0; i < pan.length; i++) {
    let d = Number(pan[pan.length - 1 - i])
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2
    sum += d
  }
  return sum % 10 === 0
}

function checkPan(pan: string) {
  if (!/^\d{12,19}$/.test(pan))
    throw new BadSwipeError('The card number on the stripe is not 12 to 19 digits. Swipe again.')
  if (!luhnValid(pan))
    throw new BadSwipeError('The card number failed its check digit: a misread. Swipe again, steadily.')
}

function checkExpiry(yymm: string) {
  const month = Number(yymm.slice(2))
  if (!/^\d{4}$/.test(yymm) || month < 1 || month > 12)
    throw new BadSwipeError('The expiry date on the stripe is unreadable. Swipe again.')
}

export function parseTrack1(raw: string): MagstripeData {
  const m = /^%B(\d{1,19})\^([^^]{2,26})\^(\d{4})(\d{3})([^?]*)\?/.exec(raw.trim())
  if (!m)
    throw new BadSwipeError(
      raw.startsWith('%') ? 'Track 1 is incomplete or garbled. Swipe again.' : 'Not a track 1 swipe.',
    )
  const [, pan, name, expiry, serviceCode] = m as unknown as [string, string, string, string, string]
  checkPan(pan)
  checkExpiry(expiry)
  // Names are stored SURNAME/GIVEN with padding spaces.
  const [surname, given] = name.trim().split('/')
  return {
    pan,
    name: given ? `${given.trim()} ${surname!.trim()}` : surname!.trim(),
    expiry,
    serviceCode,
    track1: m[0],
  }
}

export function parseTrack2(raw: string): MagstripeData {
  const m = /^;(\d{1,19})=(\d{4})(\d{3})([^?]*)\?/.exec(raw.trim())
  if (!m)
    throw new BadSwipeError(
      raw.startsWith(';') ? 'Track 2 is incomplete or garbled. Swipe again.' : 'Not a track 2 swipe.',
    )
  const [, pan, expiry, serviceCode] = m as unknown as [string, string, string, string]
  checkPan(pan)
  checkExpiry(expiry)
  return { pan, expiry, serviceCode, track2: m[0] }
}

/** One swipe: track 1, track 2, or both back to back (as most readers send them). */
export function parseSwipe(raw: string): MagstripeData {
  const text = raw.replace(/[\r\n]+/g, '')
  // A read error is reported by readers as %E? or ;E?.
  if (/^[%;]E\?/.test(text)) throw new BadSwipeError('The reader could not read the stripe. Swipe again.')
  const t1 = text.indexOf('%')
  const t2 = text.indexOf(';')
  if (t1 < 0 && t2 < 0) throw new BadSwipeError('No card track in what the reader sent.')
  const one = t1 >= 0 ? parseTrack1(text.slice(t1, t2 > t1 ? t2 : undefined)) : undefined
  const two = t2 >= 0 ? parseTrack2(text.slice(t2)) : undefined
  if (one && two && one.pan !== two.pan)
    throw new BadSwipeError('The two tracks disagree: a misread. Swipe again.')
  return {
    ...(two ?? one!),
    ...(one ? { name: one.name, track1: one.track1 } : {}),
    ...(two ? { track2: two.track2 } : {}),
  }
}
