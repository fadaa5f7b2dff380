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

/**
 * Breaks text into lines of at most `width` characters at spaces. A word longer than a whole line
 * (an id, a long account number) breaks after one of its own hyphens, or else gets one, rather than
 * run off the paper.
 */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = []
  let line = ''
  for (let word of text.split(/\s+/).filter(Boolean)) {
    while (word.length > width) {
      if (line) {
        lines.push(line)
        line = ''
      }
      // Break after a hyphen the word already has (ids, account numbers) where one fits.
      const at = word.lastIndexOf('-', width - 1)
      if (at > 0) {
        lines.push(word.slice(0, at + 1))
        word = word.slice(at + 1)
      } else {
        lines.push(`${word.slice(0, width - 1)}-`)
        word = word.slice(width - 1)
      }
    }
    if (!line) line = word
    else if (line.length + 1 + word.length <= width) line += ` ${word}`
    else {
      lines.push(line)
      line = word
    }
  }
  if (line) lines.push(line)
  return lines
}
