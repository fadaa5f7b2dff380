import type { Executor } from '@gopay/db'
import type { LedgerService } from '../ledger/service'
import type { TariffService } from '../tariffs/service'
import { formatMoney, maskPhone } from '@gopay/vocabulary'
import { PartnerFlowError, type PartnerFlowFailure } from '../integrations/errors'
import { beginPartnerTransaction, type PendingTransaction } from '../integrations/outgoing'
import { lockPayer } from '../integrations/parties'
import type { PartnerCalls } from '../integrations/partner-calls'

export interface AirtimeService {
  /** Airtime for one's own number or another, paid from the wallet. */
  buyAirtime(
    trx: Executor,
    r: { userId: string; phone?: string; amount: bigint },
  ): Promise<PendingTransaction | PartnerFlowFailure>
}

export function createAirtimeService(deps: {
  ledger: LedgerService
  tariffs: TariffService
  calls: PartnerCalls
  currency: string
  timezone: string
}): AirtimeService {
  const { ledger, tariffs, calls, currency } = deps
  return {
    async buyAirtime(trx, r) {
      const payer = await lockPayer(trx, r.userId, 'user_wallet', currency)
      if (!payer || payer.status !== 'active') return { error: PartnerFlowError.AccountLocked }
      const quote = await tariffs.quote('airtime', currency, r.amount, trx)
      if (!quote) return { error: PartnerFlowError.NoTariff }
      const phone = r.phone ?? payer.phone
      const provider = await ledger.systemAccount('airtime_provider', currency, trx)
      const params = { amount: formatMoney(r.amount, currency), fee: formatMoney(quote.fee, currency), phone }
      const forOther = phone !== payer.phone
      return beginPartnerTransaction(
        trx,
        { ledger, calls, timezone: deps.timezone },
        {
          type: 'airtime',
          operation: 'airtime',
          currency,
          amount: r.amount,
          fee: quote.fee,
          payer: { partyId: payer.id, accountId: payer.account, tier: payer.kyc_tier, spender: true },
          payee: { accountId: provider },
          ask: { phone },
          onCompleted: (ref) => [
            { partyId: payer.id, kind: 'airtime_done', params: { ...params, ref } },
            ...(forOther
              ? [
                  {
                    phone,
                    kind: 'airtime_received' as const,
                    params: { ...params, ref, from: `${payer.display_name} ${maskPhone(payer.phone)}` },
                  },
                ]
              : []),
          ],
          onFailed: (ref) => [{ partyId: payer.id, kind: 'airtime_failed', params: { ...params, ref } }],
          metadata: { phone },
        },
      )
    },
  }
}
