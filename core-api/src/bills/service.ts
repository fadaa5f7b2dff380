import type { Db, Executor } from '@gopay/db'
import type { LedgerService } from '../ledger/service'
import type { TariffService } from '../tariffs/service'
import { formatMoney } from '@gopay/vocabulary'
import { PartnerFlowError, type PartnerFlowFailure } from '../integrations/errors'
import type { BillerGateway } from '../integrations/billers'
import { beginPartnerTransaction, type PendingTransaction } from '../integrations/outgoing'
import { lockPayer } from '../integrations/parties'
import type { PartnerCalls } from '../integrations/partner-calls'

export interface Biller {
  code: string
  name: string
  accountPattern: string
  fee: bigint
}

export interface BillService {
  billers(): Promise<Biller[]>
  /** The biller's own check of an account number, with the customer's name to show before paying. */
  checkAccount(
    billerCode: string,
    accountNumber: string,
  ): Promise<{ biller: Biller; customerName: string } | PartnerFlowFailure>
  /** Holds amount and fee, then asks the biller; posted on its receipt (with a token for prepaid power). */
  payBill(
    trx: Executor,
    r: { userId: string; billerCode: string; accountNumber: string; amount: bigint },
  ): Promise<PendingTransaction | PartnerFlowFailure>
}

export function createBillService(deps: {
  db: Db
  ledger: LedgerService
  tariffs: TariffService
  calls: PartnerCalls
  gateway?: BillerGateway
  currency: string
  timezone: string
}): BillService {
  const { db, ledger, calls, currency } = deps
  const money = (m: bigint) => formatMoney(m, currency)

  async function biller(trx: Executor, code: string) {
    const row = await trx('billers as b')
      .join('ledger_accounts as a', function () {
        this.on('a.party_id', 'b.party_id')
          .andOnVal('a.type', 'biller_settlement')
          .andOnVal('a.currency', currency)
      })
      .where({ 'b.code': code, 'b.active': true })
      .first('b.party_id', 'b.code', 'b.name', 'b.account_pattern', 'b.fee', 'a.id as account')
    return row as
      | {
          party_id: string
          code: string
          name: string
          account_pattern: string
          fee: bigint
          account: bigint
        }
      | undefined
  }
  const toBiller = (b: { code: string; name: string; account_pattern: string; fee: bigint }): Biller => ({
    code: b.code,
    name: b.name,
    accountPattern: b.account_pattern,
    fee: b.fee,
  })

  return {
    async billers() {
      const rows = await db('billers')
        .where({ active: true })
        .orderBy('code')
        .select('code', 'name', 'account_pattern', 'fee')
      return rows.map(toBiller)
    },
    async checkAccount(billerCode, accountNumber) {
      const b = await biller(db, billerCode)
      if (!b) return { error: PartnerFlowError.UnknownBiller }
      if (!new RegExp(b.account_pattern).test(accountNumber))
        return { error: PartnerFlowError.BadAccountNumber }
      if (!deps.gateway) return { error: PartnerFlowError.PartnerUnavailable }
      const check = await deps.gateway.validate(billerCode, accountNumber)
      if (!check.ok)
        return {
          error:
            check.reason === 'unknown_account'
              ? PartnerFlowError.UnknownBillAccount
              : PartnerFlowError.PartnerUnavailable,
        }
      return { biller: toBiller(b), customerName: check.customerName }
    },
    async payBill(trx, r) {
      const b = await biller(trx, r.billerCode)
      if (!b) return { error: PartnerFlowError.UnknownBiller }
      if (!new RegExp(b.account_pattern).test(r.accountNumber))
        return { error: PartnerFlowError.BadAccountNumber }
      const payer = await lockPayer(trx, r.userId, 'user_wallet', currency)
      if (!payer || payer.status !== 'active') return { error: PartnerFlowError.AccountLocked }
      const fee = b.fee
      const params = { amount: money(r.amount), fee: money(fee), biller: b.name, account: r.accountNumber }
      return beginPartnerTransaction(
        trx,
        { ledger, calls, timezone: deps.timezone },
        {
          type: 'bill_payment',
          operation: 'bill_payment',
          currency,
          amount: r.amount,
          fee,
          payer: { partyId: payer.id, accountId: payer.account, tier: payer.kyc_tier, spender: true },
          payee: { partyId: b.party_id, accountId: b.account },
          ask: { billerCode: b.code, accountNumber: r.accountNumber },
          // The token is the thing bought: it goes by SMS whatever the preference.
          onCompleted: (ref) => [
            { partyId: payer.id, kind: 'bill_paid', params: { ...params, ref }, alwaysSms: true },
          ],
          onFailed: (ref) => [{ partyId: payer.id, kind: 'bill_failed', params: { ...params, ref } }],
          metadata: { billerCode: b.code, accountNumber: r.accountNumber },
        },
      )
    },
  }
}
