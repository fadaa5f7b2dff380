import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { z } from 'zod'
import { moneyKinds, type MoneyRequest } from './core'

/** How the vault is sealed: Electron's safeStorage (the OS keychain) there; a 0600 file in browser mode. */
export interface Cipher {
  encrypt(plain: string): Buffer
  decrypt(sealed: Buffer): string
}
export const fileOnlyCipher: Cipher = {
  encrypt: (plain) => Buffer.from(plain, 'utf8'),
  decrypt: (sealed) => sealed.toString('utf8'),
}

const credential = z.object({
  terminalId: z.string(),
  deviceSecret: z.string(),
  kind: z.enum(['agent', 'merchant']),
  ownerCode: z.string(),
  label: z.string().nullable(),
  businessName: z.string().nullable(),
  currency: z.string(),
  /** GoPay's time zone, as the core last told it at check-in: the business day is counted in it. */
  timeZone: z.string().optional(),
})
export type Credential = z.infer<typeof credential>

/** A money request sent (or about to be) whose answer has not been read yet. */
const pendingRequest = z.object({
  key: z.string(),
  /** Exactly what is sent to the core (written by this terminal, sealed in the vault). */
  request: z.custom<MoneyRequest>(
    (r) => z.looseObject({ kind: z.enum(moneyKinds) }).safeParse(r).success,
    'a money request',
  ),
  /** What the receipt needs beyond the core's answer (the customer's registered name). */
  context: z.record(z.string(), z.string()),
  createdAt: z.string(),
})
export type PendingRequest = z.infer<typeof pendingRequest>

/**
 * A pending request as terminals wrote it before requests were typed (`kind`, `path`, `body`): read
 * as the typed request it was, so an upgrade never drops a request whose outcome is still unknown.
 */
const earlierPendingRequest = z
  .object({
    key: z.string(),
    kind: z.enum(moneyKinds),
    path: z.string(),
    body: z.unknown().optional(),
    context: z.record(z.string(), z.string()),
    createdAt: z.string(),
  })
  .transform(({ kind, path, body, ...rest }) => ({
    ...rest,
    request:
      kind === 'withdrawal-handover'
        ? { kind, withdrawalId: /\/withdrawals\/([^/]+)\/handover$/.exec(path)?.[1] ?? '' }
        : { kind, body },
  }))
  .pipe(pendingRequest)

const contents = z.object({
  credential: credential.nullable(),
  /** The signed-in operator's refresh token: the resolver needs it to replay a request after a restart. */
  operator: z.object({ phone: z.string(), name: z.string().nullable(), refreshToken: z.string() }).nullable(),
  pending: z.array(z.union([pendingRequest, earlierPendingRequest])),
})
export type VaultContents = z.infer<typeof contents>

const emptyVault = (): VaultContents => ({ credential: null, operator: null, pending: [] })

/**
 * The terminal's secrets (device credential, operator refresh token, requests of unknown outcome) in
 * one sealed file, written whole and atomically with mode 0600. Wiping removes it.
 */
export function createVault(path: string, cipher: Cipher = fileOnlyCipher) {
  let cache: VaultContents | null = null
  const read = (): VaultContents => {
    if (cache) return cache
    try {
      cache = contents.parse(JSON.parse(cipher.decrypt(readFileSync(path))))
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT')
        console.warn(`terminal vault unreadable, starting empty: ${e}`)
      cache = emptyVault()
    }
    return cache
  }
  const write = (next: VaultContents) => {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 })
    const tmp = `${path}.tmp`
    writeFileSync(tmp, cipher.encrypt(JSON.stringify(next)), { mode: 0o600 })
    renameSync(tmp, path)
    cache = next
  }
  return {
    read,
    update(change: (v: VaultContents) => VaultContents) {
      write(change(structuredClone(read())))
    },
    wipe() {
      rmSync(path, { force: true })
      cache = emptyVault()
    },
  }
}
export type Vault = ReturnType<typeof createVault>
