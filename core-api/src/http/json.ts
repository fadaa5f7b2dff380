/** JSON carries integers: a bigint amount becomes a number, and one too large to be exact is a bug. */
export function jsonReplacer(_key: string, value: unknown) {
  if (typeof value === 'bigint') {
    if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER))
      throw new RangeError(`amount ${value} cannot be carried exactly in JSON`)
    return Number(value)
  }
  return value
}

export const toJson = (value: unknown) => JSON.stringify(value, jsonReplacer)

/** Key order does not change what a request means: sort keys before hashing. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    )
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
  }
  return toJson(value) ?? 'null'
}
