import anyAscii from 'any-ascii'

/**
 * GSM 03.38 for USSD screens. One character outside the GSM 7-bit table makes the network send the
 * whole screen as UCS-2, 80 characters instead of 182; the extension characters ([ ] { } | ^ ~ \ €)
 * cost two each. So screens use the basic table only: names and partner answers are transliterated
 * (any-ascii), then the few ASCII characters GSM lacks or extends are replaced.
 */
const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà'
const basic = new Set(GSM_BASIC)

const replacements: Record<string, string> = {
  '[': '(',
  ']': ')',
  '{': '(',
  '}': ')',
  '|': '/',
  '\\': '/',
  '^': "'",
  '~': '-',
  '`': "'",
  '\t': ' ',
}

export function isGsm(text: string): boolean {
  for (const c of text) if (!basic.has(c)) return false
  return true
}

/** Any text as GSM basic characters: transliterated, with what is left over replaced or dropped. */
export function toGsm(text: string): string {
  let out = ''
  for (const c of text) {
    if (basic.has(c) && c !== '\r') out += c
    else if (c in replacements) out += replacements[c]
    else {
      for (const a of anyAscii(c)) out += basic.has(a) ? a : (replacements[a] ?? '')
    }
  }
  return out
}
