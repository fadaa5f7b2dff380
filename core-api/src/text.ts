/** 150050 KES → "KES 1,500.50". Minor units are always two decimals for GoPay's currencies. */
export function formatMoney(minor: bigint, currency: string): string {
  const sign = minor < 0n ? '-' : ''
  const abs = minor < 0n ? -minor : minor
  const whole = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return `${sign}${currency} ${whole}.${(abs % 100n).toString().padStart(2, '0')}`
}

/** +254711000001 → +254711***001: enough to recognise, not enough to harvest. */
export function maskPhone(phone: string): string {
  return phone.length > 9 ? `${phone.slice(0, phone.length - 6)}***${phone.slice(-3)}` : phone
}
