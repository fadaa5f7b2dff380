import type { Db, Executor } from '@gopay/db'
import type { Cursor } from '../http/paging'
import { toJson } from '../http/json'

export interface AuditEntry {
  actorId: string | null
  action: string
  targetType?: string
  targetId?: string
  details?: Record<string, unknown>
}

export interface AuditRow {
  id: number
  seq: number | null
  actorPartyId: string | null
  actorName: string | null
  action: string
  targetType: string | null
  targetId: string | null
  details: unknown
  createdAt: string
  hash: string | null
}

export interface ChainCheck {
  ok: boolean
  checked: number
  firstBrokenId: number | null
}

export interface AuditService {
  /** One staff action, in the caller's transaction; the database chains it at commit. */
  record(trx: Executor, e: AuditEntry): Promise<void>
  list(q: {
    cursor?: Cursor
    limit: number
    action?: string
    actor?: string
    target?: string
  }): Promise<AuditRow[]>
  /** Recomputes every row's hash from the one before: the first row that does not match is named. */
  verify(trx?: Executor): Promise<ChainCheck>
}

/**
 * One statement walks the chain in order: a row is broken when it is unsealed, when its hash is not
 * the hash of its contents and the previous hash, when its previous hash is not the hash of the row
 * before, or when its place skips one (a row deleted). The head must name the last row (rows deleted
 * from the end).
 */
const VERIFY_SQL = `
  WITH chain AS (
    SELECT a.id, a.seq, a.hash, a.prev_hash,
      audit_row_hash(a.prev_hash, a.seq, a) AS recomputed,
      lag(a.hash) OVER w AS before_hash,
      lag(a.seq) OVER w AS before_seq
    FROM audit_log a WINDOW w AS (ORDER BY a.seq NULLS FIRST, a.id)
  )
  SELECT
    (SELECT count(*) FROM chain)::int AS checked,
    (SELECT id FROM chain
      WHERE hash IS NULL OR seq IS NULL OR prev_hash IS NULL OR recomputed IS DISTINCT FROM hash
        OR prev_hash IS DISTINCT FROM coalesce(before_hash, repeat('0', 64))
        OR seq IS DISTINCT FROM coalesce(before_seq, 0) + 1
      ORDER BY seq NULLS FIRST, id LIMIT 1) AS first_broken,
    (SELECT id FROM chain ORDER BY seq DESC NULLS LAST LIMIT 1) AS last_id,
    (SELECT hash FROM chain ORDER BY seq DESC NULLS LAST LIMIT 1) AS last_hash,
    (SELECT max(seq) FROM chain) AS last_seq,
    (SELECT seq FROM audit_chain_head) AS head_seq,
    (SELECT hash FROM audit_chain_head) AS head_hash
`

export function createAuditService({ db }: { db: Db }): AuditService {
  return {
    async record(trx, e) {
      await trx('audit_log').insert({
        actor_party_id: e.actorId,
        action: e.action,
        target_type: e.targetType ?? null,
        target_id: e.targetId ?? null,
        details: toJson(e.details ?? {}),
      })
    },
    async list({ cursor, limit, action, actor, target }) {
      const q = db('audit_log as a')
        .leftJoin('parties as p', 'p.id', 'a.actor_party_id')
        .orderBy('a.id', 'desc')
        .limit(limit + 1)
        .select('a.*', 'p.display_name as actor_name')
      if (cursor) q.where('a.id', '<', cursor.id)
      if (action) q.where('a.action', action)
      if (actor) q.where('a.actor_party_id', actor)
      if (target) q.where('a.target_id', target)
      const rows = await q
      return rows.map((r) => ({
        id: Number(r.id),
        seq: r.seq == null ? null : Number(r.seq),
        actorPartyId: r.actor_party_id,
        actorName: r.actor_name ?? null,
        action: r.action,
        targetType: r.target_type,
        targetId: r.target_id,
        details: r.details,
        createdAt: new Date(r.created_at).toISOString(),
        hash: r.hash,
      }))
    },
    async verify(trx = db) {
      const { rows } = await trx.raw(VERIFY_SQL)
      const r = rows[0]
      const checked = Number(r.checked)
      if (r.first_broken != null) return { ok: false, checked, firstBrokenId: Number(r.first_broken) }
      const headOk =
        String(r.head_seq) === String(r.last_seq ?? 0) && r.head_hash === (r.last_hash ?? '0'.repeat(64))
      if (!headOk) return { ok: false, checked, firstBrokenId: r.last_id == null ? null : Number(r.last_id) }
      return { ok: true, checked, firstBrokenId: null }
    },
  }
}
