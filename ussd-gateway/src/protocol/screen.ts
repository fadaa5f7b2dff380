import { toGsm } from './gsm'

/**
 * What the network shows: at most 182 characters. The CON/END prefix is counted too, so a screen fits
 * whichever way a network counts it.
 */
export const SCREEN_MAX = 182
/** The text of a screen, after its CON/END prefix. */
export const SCREEN_TEXT_MAX = SCREEN_MAX - 4
const BODY_MAX = SCREEN_TEXT_MAX

export interface Screen {
  end: boolean
  text: string
}

/** A finished screen: GSM only, and cut (with "..") rather than sent too long. */
export function render(s: Screen): string {
  let body = toGsm(s.text)
    .replace(/[ ]+\n/g, '\n')
    .trim()
  if (body.length > BODY_MAX) body = `${body.slice(0, BODY_MAX - 2).trimEnd()}..`
  return `${s.end ? 'END' : 'CON'} ${body}`
}

/** A name or partner answer shortened to fit a line. */
export const short = (s: string, max = 22) => {
  const g = toGsm(s).trim()
  return g.length > max ? `${g.slice(0, max - 1)}.` : g
}

/**
 * Splits a numbered list into pages that fit with the header and the paging lines. Item numbers stay
 * global (1..n) so a choice means the same on every page; 98 and 0 are never item numbers here
 * (lists are kept under 98).
 */
export function page(
  header: string,
  items: string[],
  pageNo: number,
  labels: { more: string; back: string },
): { text: string; hasMore: boolean; pages: number } {
  const pages: string[][] = [[]]
  const fits = (lines: string[], extra: string) =>
    [header, ...lines, extra, `98 ${labels.more}`, `0 ${labels.back}`].join('\n').length <= BODY_MAX
  items.forEach((item, i) => {
    const line = `${i + 1} ${item}`
    const current = pages[pages.length - 1]!
    if (current.length && !fits(current, line)) pages.push([line])
    else current.push(line)
  })
  const p = Math.min(pageNo, pages.length - 1)
  const hasMore = p < pages.length - 1
  const lines = [header, ...pages[p]!, ...(hasMore ? [`98 ${labels.more}`] : []), `0 ${labels.back}`]
  return { text: lines.join('\n'), hasMore, pages: pages.length }
}
