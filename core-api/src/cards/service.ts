import { createHash } from 'node:crypto'
import type { Db, Executor } from '@gopay/db'
import { maskPhone } from '@gopay/vocabulary'

export enum CardError {
  AlreadyBound = 'AlreadyBound',
  UnknownCard = 'UnknownCard',
  Blocked = 'Blocked',
}

export const isCardError = (o: unknown): o is CardError => Object.values(CardError).includes(o as CardError)

export type CardIdentity = { kind: 'nfc'; uid: string } | { kind: 'magstripe'; pan: string }

export interface Card {
  id: string
  kind: 'nfc' | 'magstripe'
  last4: string
  status: 'active' | 'blocked'
  boundAt: string
}

export interface CardService {
  bind(partyId: string, card: CardIdentity): Promise<Card | CardError>
  list(partyId: string): Promise<Card[]>
  /** Blocks a card: by its holder (`holderId`), or by staff. */
  block(cardId: string, by: { actorId: string; holderId?: string; reason: string }): Promise<Card | CardError>
  /** Who a tapped or swiped card belongs to, for the terminal before a payment. */
  lookup(card: CardIdentity): Promise<{ card: Card; holder: { name: string; phone: string } } | CardError>
  /** The card and its holder's party for a payment, read in the payment's transaction. */
  resolve(trx: Executor, card: CardIdentity): Promise<{ card: Card; partyId: string } | CardError>
}

const value = (c: CardIdentity) => (c.kind === 'nfc' ? c.uid.toUpperCase() : c.pan)
// A card is found by a hash of its identifier; the identifier itself is not stored.
const fingerprintOf = (c: CardIdentity) =>
  createHash('sha256')
    .update(`${c.kind}:${value(c)}`)
    .digest('hex')

const toCard = (r: Record<string, unknown>): Card => ({
  id: r.id as string,
  kind: r.kind as Card['kind'],
  last4: r.last4 as string,
  status: r.status as Card['status'],
  boundAt: (r.bound_at as Date).toISOString(),
})

export function createCardService({ db }: { db: Db }): CardService {
  return {
    async bind(partyId, card) {
      const [row] = await db('cards')
        .insert({
          party_id: partyId,
          kind: card.kind,
          fingerprint: fingerprintOf(card),
          last4: value(card).slice(-4),
        })
        .onConflict('fingerprint')
        .ignore()
        .returning('*')
      return row ? toCard(row) : CardError.AlreadyBound
    },
    async list(partyId) {
      return (await db('cards').where({ party_id: partyId }).orderBy('bound_at')).map(toCard)
    },
    async block(cardId, by) {
      return db.transaction(async (trx) => {
        const q = trx('cards').where({ id: cardId })
        if (by.holderId) q.andWhere({ party_id: by.holderId })
        const [row] = await q
          .update({
            status: 'blocked',
            blocked_at: trx.fn.now(),
            blocked_by: by.actorId,
            block_reason: by.reason,
          })
          .returning('*')
        if (!row) return CardError.UnknownCard
        await trx('audit_log').insert({
          actor_party_id: by.actorId,
          action: 'card.block',
          target_type: 'card',
          target_id: cardId,
          details: JSON.stringify({ reason: by.reason }),
        })
        return toCard(row)
      })
    },
    async resolve(trx, card) {
      const row = await trx('cards')
        .where({ fingerprint: fingerprintOf(card) })
        .first()
      if (!row) return CardError.UnknownCard
      if (row.status === 'blocked') return CardError.Blocked
      return { card: toCard(row), partyId: row.party_id }
    },
    async lookup(card) {
      const row = await db('cards as c')
        .join('parties as p', 'p.id', 'c.party_id')
        .where('c.fingerprint', fingerprintOf(card))
        .first('c.*', 'p.display_name', 'p.phone', 'p.status as party_status')
      if (!row) return CardError.UnknownCard
      if (row.status === 'blocked' || row.party_status !== 'active') return CardError.Blocked
      return { card: toCard(row), holder: { name: row.display_name, phone: maskPhone(row.phone) } }
    },
  }
}
