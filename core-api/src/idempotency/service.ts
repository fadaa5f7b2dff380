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

export interface IdempotencyService {
  fingerprint(method: string, path: string, body: unknown): string
  /**
   * Claims (principal, key) inside the caller's transaction. A simultaneous duplicate blocks on the
   * primary key until the first commits, then replays its answer; if the first rolled back, the
   * duplicate claims the key itself.
   */
  claim(trx: Executor, principalId: string, key: string, fingerprint: string): Promise<Claim>
  complete(trx: Executor, principalId: string, key: string, response: StoredResponse): Promise<void>
}

export function createIdempotencyService(): IdempotencyService {
  return {
    fingerprint(method, path, body) {
      return createHash('sha256').update(`${method} ${path}\n${canonicalJson(body ?? null)}`).digest('hex')
    },
    async claim(trx, principalId, key, fingerprint) {
      const inserted = await trx.raw(
        `INSERT INTO idempotency_keys (principal_id, key, request_hash) VALUES (?, ?, ?)
         ON CONFLICT DO NOTHING RETURNING 1`,
        [principalId, key, fingerprint],
      )
      if (inserted.rows.length) return { kind: 'claimed' }
      const { rows } = await trx.raw(
        'SELECT request_hash, status_code, response FROM idempotency_keys WHERE principal_id = ? AND key = ?',
        [principalId, key],
      )
      const row = rows[0] as { request_hash: string; status_code: number | null; response: unknown } | undefined
      if (!row || row.request_hash !== fingerprint || row.status_code === null) return { kind: 'conflict' }
      return { kind: 'replay', response: { status: row.status_code, body: row.response } }
    },
    async complete(trx, principalId, key, response) {
      await trx.raw('UPDATE idempotency_keys SET status_code = ?, response = ?::jsonb WHERE principal_id = ? AND key = ?', [
        response.status,
        toJson(response.body),
        principalId,
        key,
      ])
    },
  }
}
