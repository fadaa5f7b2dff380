import { createHash } from 'node:crypto'
import type { Executor } from '@gopay/db'
import { canonicalJson, toJson } from '../http/json'

export interface StoredResponse {
  status: number
  body: unknown
}

export type Claim =
  | { kind: 'claimed' }
  | { kind: 'replay'; response: StoredResponse }
  | { kind: 'conflict' }
  | { kind: 'signed_out' }
  | { kind: 'locked' }

export interface IdempotencyService {
  fingerprint(method: string, path: string, body: unknown): string
  /**
   * Claims (principal, key) inside the caller's transaction. A simultaneous duplicate blocks on the
   * primary key until the first commits, then replays its answer; if the first rolled back, the
   * duplicate claims the key itself.
   */
  claim(
    trx: Executor,
    principal: { id: string; sessionId: string },
    key: string,
    fingerprint: string,
  ): Promise<Claim>
  complete(trx: Executor, principalId: string, key: string, response: StoredResponse): Promise<void>
}

export function createIdempotencyService(): IdempotencyService {
  return {
    fingerprint(method, path, body) {
      return createHash('sha256')
        .update(`${method} ${path}\n${canonicalJson(body ?? null)}`)
        .digest('hex')
    },
    async claim(trx, principal, key, fingerprint) {
      const principalId = principal.id
      // The session check rides in the same statement as the claim: one round trip fewer on every
      // payment, and a signed-out or locked principal claims nothing.
      const { rows: claimed } = await trx.raw(
        `WITH s AS (
           SELECT p.status, (f.id IS NOT NULL AND f.revoked_at IS NULL) AS live
           FROM parties p LEFT JOIN refresh_token_families f ON f.id = ?::uuid AND f.party_id = p.id WHERE p.id = ?),
         ins AS (
           INSERT INTO idempotency_keys (principal_id, key, request_hash)
           SELECT ?, ?, ? FROM s WHERE s.live AND s.status = 'active'
           ON CONFLICT DO NOTHING RETURNING 1)
         SELECT s.status, s.live, EXISTS (SELECT 1 FROM ins) AS claimed FROM s`,
        [principal.sessionId, principalId, principalId, key, fingerprint],
      )
      const session = claimed[0] as { status: string; live: boolean; claimed: boolean } | undefined
      if (!session) return { kind: 'signed_out' }
      if (session.status === 'locked' || session.status === 'closed') return { kind: 'locked' }
      if (!session.live || session.status !== 'active') return { kind: 'signed_out' }
      if (session.claimed) return { kind: 'claimed' }
      const { rows } = await trx.raw(
        'SELECT request_hash, status_code, response FROM idempotency_keys WHERE principal_id = ? AND key = ?',
        [principalId, key],
      )
      const row = rows[0] as
        { request_hash: string; status_code: number | null; response: unknown } | undefined
      if (!row || row.request_hash !== fingerprint || row.status_code === null) return { kind: 'conflict' }
      return { kind: 'replay', response: { status: row.status_code, body: row.response } }
    },
    async complete(trx, principalId, key, response) {
      await trx.raw(
        'UPDATE idempotency_keys SET status_code = ?, response = ?::jsonb WHERE principal_id = ? AND key = ?',
        [response.status, toJson(response.body), principalId, key],
      )
    },
  }
}
