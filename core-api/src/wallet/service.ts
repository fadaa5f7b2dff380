import type { Db } from '@gopay/db'
import type { LedgerService } from '../ledger/service'
import { maskPhone } from '@gopay/vocabulary'

export interface Wallet {
  accountId: string
  currency: string
  balance: bigint
  available: bigint
}

export interface HistoryItem {
  id: string
  type: string
  direction: 'in' | 'out'
  amount: bigint
  fee: bigint
  counterparty: { name: string; phone: string | null } | null
  status: string
  createdAt: string
}

export interface WalletService {
  /** The account a principal holds money in: a user's wallet, an agent's float, a merchant's till. */
  wallet(partyId: string, roles: string[]): Promise<Wallet | undefined>
  history(
    partyId: string,
    page: { limit: number; cursor?: string },
  ): Promise<{ items: HistoryItem[]; nextCursor: string | null }>
}

const accountTypeFor = (roles: string[]) =>
  roles.includes('agent') ? 'agent_float' : roles.includes('merchant') ? 'merchant' : 'user_wallet'

// The cursor is the last item's (created_at, id), opaque to clients.
const encodeCursor = (createdAt: string, id: string) =>
  Buffer.from(JSON.stringify([createdAt, id])).toString('base64url')
function decodeCursor(cursor: string): [string, string] | null {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString())
    if (Array.isArray(v) && v.length === 2 && !Number.isNaN(Date.parse(v[0])) && /^[0-9a-f-]{36}$/.test(v[1]))
      return [v[0], v[1]]
  } catch {
    /* fall through */
  }
  return null
}

export const isValidCursor = (c: string) => decodeCursor(c) !== null

export function createWalletService({
  db,
  ledger,
  currency,
}: {
  db: Db
  ledger: LedgerService
  currency: string
}): WalletService {
  return {
    async wallet(partyId, roles) {
      const account = await db('ledger_accounts')
        .where({ party_id: partyId, type: accountTypeFor(roles), currency })
        .first('id', 'currency')
      if (!account) return undefined
      const b = await ledger.balance(account.id)
      return {
        accountId: String(account.id),
        currency: account.currency,
        balance: b.balance,
        available: b.available,
      }
    },
    async history(partyId, { limit, cursor }) {
      const after = cursor ? decodeCursor(cursor) : null
      const before = after ? `AND (t.created_at, t.id) < (?::timestamptz, ?::uuid)` : ''
      const side = (column: string) => `
        (SELECT t.*, t.created_at::text AS created_key FROM transactions t
         WHERE t.${column} = ? ${before} ${column === 'payee_party_id' ? 'AND t.payer_party_id IS DISTINCT FROM t.payee_party_id' : ''}
         ORDER BY t.created_at DESC, t.id DESC LIMIT ?)`
      const args = (after ? [partyId, ...after, limit + 1] : [partyId, limit + 1]) as Array<string | number>
      const { rows } = await db.raw(
        `SELECT x.*, cp.display_name AS cp_name, cp.phone AS cp_phone FROM (
           ${side('payer_party_id')} UNION ALL ${side('payee_party_id')}
         ) x
         LEFT JOIN parties cp ON cp.id = CASE WHEN x.payer_party_id = ? THEN x.payee_party_id ELSE x.payer_party_id END
         ORDER BY x.created_at DESC, x.id DESC LIMIT ?`,
        [...args, ...args, partyId, limit + 1],
      )
      const page = rows.slice(0, limit)
      const items: HistoryItem[] = page.map((r: Record<string, unknown>) => {
        const out = r.payer_party_id === partyId
        return {
          id: r.id as string,
          type: r.type as string,
          direction: out ? 'out' : 'in',
          amount: r.amount as bigint,
          fee: out ? (r.fee as bigint) : 0n,
          counterparty: r.cp_name
            ? { name: r.cp_name as string, phone: r.cp_phone ? maskPhone(r.cp_phone as string) : null }
            : null,
          status: r.status as string,
          createdAt: (r.created_at as Date).toISOString(),
        }
      })
      const last = page[page.length - 1]
      return {
        items,
        nextCursor: rows.length > limit && last ? encodeCursor(last.created_key, last.id) : null,
      }
    },
  }
}
