import { randomUUID } from 'node:crypto'
import type { Db } from '@gopay/db'
import { isLedgerError } from '../ledger/errors'
import type { LedgerService } from '../ledger/service'
import type { Notifier } from '../notifications/service'
import { formatMoney } from '@gopay/vocabulary'

export interface CommissionPayouts {
  /** Moves every agent's accrued commission into its float, an entry per agent. Answers how many were paid. */
  payOut(): Promise<{ agents: number; total: bigint }>
}

export function createCommissionPayouts({
  db,
  ledger,
  notifier,
  currency,
}: {
  db: Db
  ledger: LedgerService
  notifier: Notifier
  currency: string
}): CommissionPayouts {
  return {
    async payOut() {
      const due = await db('ledger_accounts as c')
        .join('ledger_balances as b', 'b.account_id', 'c.id')
        .join('ledger_accounts as f', function () {
          this.on('f.party_id', 'c.party_id')
            .andOnVal('f.type', 'agent_float')
            .andOn('f.currency', 'c.currency')
        })
        .where({ 'c.type': 'commission_payable', 'c.currency': currency })
        .groupBy('c.id', 'c.party_id', 'f.id')
        .havingRaw('sum(b.available) > 0')
        .select('c.id as payable', 'c.party_id as agent', 'f.id as float')
      let total = 0n
      let agents = 0
      for (const d of due) {
        const paid = await db.transaction(async (trx) => {
          // The agent's row first (lock order), then read what is due under that lock.
          await trx('parties').where({ id: d.agent }).forNoKeyUpdate().first('id')
          const { available } = await ledger.balance(d.payable, trx)
          if (available <= 0n) return 0n
          const id = randomUUID()
          const posted = await ledger.post(trx, {
            transactionId: id,
            currency,
            postings: [
              { accountId: d.payable, amount: -available },
              { accountId: d.float, amount: available },
            ],
            description: 'commission payout',
          })
          if (isLedgerError(posted)) throw new Error(`commission payout refused: ${posted}`)
          await trx('transactions').insert({
            id,
            type: 'commission_payout',
            status: 'completed',
            currency,
            amount: available,
            payee_party_id: d.agent,
            payee_account_id: d.float,
            reference: id.slice(0, 8).toUpperCase(),
          })
          await notifier.notify(trx, {
            partyId: d.agent,
            kind: 'commission_paid',
            params: { amount: formatMoney(available, currency) },
          })
          return available
        })
        if (paid > 0n) {
          agents++
          total += paid
        }
      }
      return { agents, total }
    },
  }
}
