/** +254711000001 → +254711***001: enough to recognise, not enough to harvest. */
export function maskPhone(phone: string): string {
  return phone.length > 9 ? `${phone.slice(0, phone.length - 6)}***${phone.slice(-3)}` : phone
}

const e164 = /^\+[1-9]\d{7,14}$/

/**
 * What a person typed → E.164, the only spelling the core takes. A local number ("0711 000 001")
 * gets the given country code; anything that is not a phone number gives undefined.
 */
export function toE164(typed: string, countryCode = '254'): string | undefined {
  const s = typed.replace(/[\s\-()]/g, '')
  const candidate = s.startsWith('+')
    ? s
    : s.startsWith('00')
      ? `+${s.slice(2)}`
      : s.startsWith('0')
        ? `+${countryCode}${s.slice(1)}`
        : s.startsWith(countryCode)
          ? `+${s}`
          : undefined
  return candidate && e164.test(candidate) ? candidate : undefined
}
