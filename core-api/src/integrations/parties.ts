import type { Executor } from '@gopay/db'

export interface PayerRow {
  id: string
  status: string
  kyc_tier: number
  phone: string
  display_name: string
  account: bigint
  bank_account: string | null
  language: string
}

/**
 * A party and one of its accounts, its row locked (parties before balances: the lock order) so limits
 * and balance checks see every earlier payment.
 */
export async function lockPayer(
  trx: Executor,
  partyId: string,
  accountType: 'user_wallet' | 'agent_float' | 'merchant',
  currency: string,
): Promise<PayerRow | undefined> {
  const { rows } = await trx.raw(
    `SELECT p.id, p.status, p.kyc_tier, p.phone, p.display_name, p.language, a.id AS account,
            coalesce(ag.bank_account, m.settlement_bank_account) AS bank_account
     FROM parties p JOIN ledger_accounts a ON a.party_id = p.id AND a.type = ? AND a.currency = ?
     LEFT JOIN agents ag ON ag.party_id = p.id LEFT JOIN merchants m ON m.party_id = p.id
     WHERE p.id = ? FOR NO KEY UPDATE OF p`,
    [accountType, currency, partyId],
  )
  return rows[0]
}
