import type { TransactionKind } from '@gopay/vocabulary'
import { randomUUID } from 'node:crypto'
import type { Executor } from '@gopay/db'
import type { Services } from '../app'
import type { CoreConfig } from '../config'
import type { AccountType } from '../ledger/model'

type Kind = 'agent' | 'merchant' | 'biller' | 'staff'

async function createParty(
  s: Services,
  trx: Executor,
  p: {
    kind: Kind
    roles: string[]
    name: string
    phone?: string
    email?: string
    pin?: string
    password?: string
  },
) {
  const [party] = await trx('parties')
    .insert({
      kind: p.kind,
      roles: p.roles,
      display_name: p.name,
      phone: p.phone ?? null,
      email: p.email ?? null,
      status: 'active',
      kyc_tier: 2,
    })
    .returning('id')
  if (p.pin) await s.auth.setSecret(trx, party.id, 'pin', p.pin)
  if (p.password) await s.auth.setSecret(trx, party.id, 'password', p.password)
  return party.id as string
}

export async function createStaff(
  s: Services,
  trx: Executor,
  email: string,
  password: string,
  role: 'admin' | 'sub_admin' | 'auditor',
) {
  const id = await createParty(s, trx, {
    kind: 'staff',
    roles: [role],
    name: email,
    email: email.toLowerCase(),
    password,
  })
  await trx('staff').insert({ party_id: id, email: email.toLowerCase(), role })
  return id
}

/** Money enters GoPay from the bank: bank settlement (an asset) is debited, the account credited. */
async function fund(
  s: Services,
  trx: Executor,
  currency: string,
  accountId: bigint,
  partyId: string,
  amount: bigint,
  type: TransactionKind,
) {
  const id = randomUUID()
  const bank = await s.ledger.systemAccount('bank_settlement', currency, trx)
  const posted = await s.ledger.post(trx, {
    transactionId: id,
    currency,
    postings: [
      { accountId: bank, amount: -amount },
      { accountId, amount },
    ],
    description: 'opening balance',
  })
  if (typeof posted === 'string') throw new Error(`demo funding failed: ${posted}`)
  await trx('transactions').insert({
    id,
    type,
    status: 'completed',
    currency,
    amount,
    payee_party_id: partyId,
    payee_account_id: accountId,
    reference: 'OPENING',
  })
}

async function account(s: Services, trx: Executor, type: AccountType, currency: string, partyId: string) {
  return s.ledger.openAccount(trx, { type, currency, partyId })
}

/** CONTRACT.md's demo data. Runs only on an empty database; answers whether it seeded. */
export async function seedDemo(s: Services, config: CoreConfig): Promise<boolean> {
  const { rows } = await s.db.raw('SELECT count(*)::int AS n FROM parties')
  if (rows[0].n > 0) return false
  const currency = config.currency
  await s.ledger.openSystemAccounts(currency)
  const people = [
    { phone: '+254711000001', firstName: 'Amina', lastName: 'Odhiambo', pin: '1357', balance: 500_000n },
    { phone: '+254711000002', firstName: 'Baraka', lastName: 'Mwangi', pin: '2468', balance: 0n },
  ]
  const users: Array<(typeof people)[number] & { id: string }> = []
  for (const p of people) {
    const u = await s.users.register(
      { phone: p.phone, firstName: p.firstName, lastName: p.lastName, pin: p.pin },
      { phoneVouched: true },
    )
    if ('error' in u) throw new Error(`demo user ${p.phone}: ${u.error}`)
    users.push({ ...p, id: u.id })
  }
  await s.db.transaction(async (trx) => {
    await createStaff(s, trx, 'admin@gopay.local', 'demo-admin-pass', 'admin')
    await createStaff(s, trx, 'auditor@gopay.local', 'demo-auditor-pass', 'auditor')
    await createStaff(s, trx, 'subadmin@gopay.local', 'demo-subadmin-pass', 'sub_admin')
    for (const u of users) {
      await trx('parties').where({ id: u.id }).update({ kyc_tier: 1 })
      if (u.balance > 0n) {
        const wallet = await trx('ledger_accounts').where({ party_id: u.id, type: 'user_wallet' }).first('id')
        await fund(s, trx, currency, wallet.id, u.id, u.balance, 'bank_deposit')
      }
    }
    const agent = await createParty(s, trx, {
      kind: 'agent',
      roles: ['agent'],
      name: 'Mama Mboga Agency',
      phone: '+254722000001',
      pin: '1470',
    })
    await trx('agents').insert({
      party_id: agent,
      // Digits, as typed on a keypad; AG001 stays accepted for the checks that name it.
      code: '200001',
      alias: 'AG001',
      business_name: 'Mama Mboga Agency',
      location: 'Kibera, Nairobi',
      float_threshold: 1_000_000,
      bank_account: '0123456789',
    })
    await fund(
      s,
      trx,
      currency,
      await account(s, trx, 'agent_float', currency, agent),
      agent,
      10_000_000n,
      'float_top_up',
    )

    const merchant = await createParty(s, trx, {
      kind: 'merchant',
      roles: ['merchant'],
      name: 'Duka La Jamii',
      phone: '+254733000001',
      pin: '3690',
    })
    await trx('merchants').insert({
      party_id: merchant,
      code: '500001',
      alias: 'MC001',
      business_name: 'Duka La Jamii',
      settlement_bank_account: '9876543210',
    })
    await account(s, trx, 'merchant', currency, merchant)

    const billers = [
      { code: 'POWER', name: 'Kenya Power Prepaid', account_pattern: '^[0-9]{11}$', fee: 0 },
      { code: 'WATER', name: 'Nairobi Water', account_pattern: '^[0-9]{6,10}$', fee: 3_000 },
      { code: 'NET', name: 'Safi Fibre Internet', account_pattern: '^[A-Z]{2}[0-9]{6}$', fee: 2_000 },
    ]
    for (const b of billers) {
      const id = await createParty(s, trx, { kind: 'biller', roles: [], name: b.name })
      await trx('billers').insert({ party_id: id, ...b })
      await account(s, trx, 'biller_settlement', currency, id)
    }
  })
  return true
}

/** A production start: the first admin comes from GOPAY_ADMIN_EMAIL / GOPAY_ADMIN_PASSWORD. */
export async function seedProduction(s: Services, config: CoreConfig): Promise<boolean> {
  if (!config.bootstrapAdmin) return false
  const existing = await s.db('staff').first('party_id')
  if (existing) return false
  await s.db.transaction((trx) =>
    createStaff(s, trx, config.bootstrapAdmin!.email, config.bootstrapAdmin!.password, 'admin'),
  )
  return true
}
