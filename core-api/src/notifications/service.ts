import type { Db, Executor } from '@gopay/db'
import { render, type NotificationKind } from './templates'

export interface Notice {
  /** The party told; or, for someone GoPay may not know (airtime for another number), their phone. */
  partyId?: string
  phone?: string
  kind: NotificationKind
  params: Record<string, string>
  /** Send by SMS whatever the party's preference (a prepaid token must arrive). */
  alwaysSms?: boolean
}

export interface NotificationItem {
  id: string
  kind: string
  body: string
  createdAt: string
  read: boolean
}

export interface Notifier {
  /** Written in the caller's transaction, so a notice exists exactly when the change it announces does. */
  notify(trx: Executor, ...notices: Notice[]): Promise<void>
  list(
    partyId: string,
    page: { limit: number; before?: string },
  ): Promise<{ items: NotificationItem[]; nextBefore: string | null; unread: number }>
  markRead(partyId: string, upTo: string): Promise<number>
}

export function createNotifier({ db }: { db: Db }): Notifier {
  return {
    async notify(trx, ...notices) {
      if (!notices.length) return
      const rows = notices.map((n) => ({
        party: n.partyId ?? null,
        phone: n.phone ?? null,
        always: n.alwaysSms ?? false,
        ...render(n.kind, n.params),
      }))
      await trx.raw(
        `SELECT gopay_notify(x.party, x.phone, x.kind, x.en, x.sw, x.always)
         FROM jsonb_to_recordset(?::jsonb) AS x(party uuid, phone text, kind text, en text, sw text, always boolean)`,
        [JSON.stringify(rows)],
      )
    },
    async list(partyId, { limit, before }) {
      const q = db('notifications')
        .where({ party_id: partyId })
        .orderBy('id', 'desc')
        .limit(limit + 1)
        .select('id', 'kind', 'body', 'created_at', 'read_at')
      if (before) q.where('id', '<', before)
      const [rows, unread] = await Promise.all([
        q,
        db('notifications')
          .where({ party_id: partyId })
          .whereNull('read_at')
          .count<{ n: bigint }[]>('* as n'),
      ])
      const page = rows.slice(0, limit)
      return {
        items: page.map((r) => ({
          id: String(r.id),
          kind: r.kind,
          body: r.body,
          createdAt: (r.created_at as Date).toISOString(),
          read: r.read_at !== null,
        })),
        nextBefore: rows.length > limit ? String(page[page.length - 1]!.id) : null,
        unread: Number((unread[0] as unknown as { n: bigint }).n),
      }
    },
    async markRead(partyId, upTo) {
      return db('notifications')
        .where({ party_id: partyId })
        .where('id', '<=', upTo)
        .whereNull('read_at')
        .update({ read_at: db.fn.now() })
    },
  }
}
