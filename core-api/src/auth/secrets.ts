import { hash, verify } from '@node-rs/argon2'

// argon2id (the library's default algorithm) with OWASP's minimum cost: 19 MiB, 2 passes.
const cost = { memoryCost: 19_456, timeCost: 2, parallelism: 1 }

export const hashSecret = (secret: string) => hash(secret, cost)
export const verifySecret = (hashed: string, secret: string) => verify(hashed, secret).catch(() => false)

const guessable = new Set([
  '1212',
  '1122',
  '2580',
  '0852',
  '1004',
  '2000',
  '6969',
  '1313',
  '4321',
  '1010',
  '2020',
])

/** Why a PIN is refused, or null. A PIN is 4 digits and not one a thief would try first. */
export function pinWeakness(pin: string): string | null {
  if (!/^[0-9]{4}$/.test(pin)) return 'A PIN is exactly 4 digits.'
  if (/^(\d)\1{3}$/.test(pin)) return 'A PIN cannot be one digit repeated.'
  const d = [...pin].map(Number)
  const steps = d.slice(1).map((x, i) => x - d[i]!)
  if (steps.every((s) => s === 1) || steps.every((s) => s === -1))
    return 'A PIN cannot be a run of digits such as 1234.'
  if (guessable.has(pin)) return 'That PIN is too easy to guess.'
  return null
}
