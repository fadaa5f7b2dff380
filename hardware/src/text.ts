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
