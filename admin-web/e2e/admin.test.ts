import { readFile } from 'node:fs/promises'
import { parse } from 'csv-parse/sync'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { needsDatabase } from '@gopay/core-api/testing'
import { demoStaff, shoot, signIn, startSystem, type System } from './system'

// The back office in Chromium against the running system (core API on PostgreSQL + admin web).
describe.skipIf(needsDatabase)('admin web in Chromium', () => {
  let sys: System
  const pages: Page[] = []
  const as = async (who: { email: string; password: string }) => {
    const p = await signIn(sys, who)
    pages.push(p)
    return p
  }

  beforeAll(async () => {
    sys = await startSystem()
  }, 180_000)
  afterAll(async () => {
    for (const p of pages) await p.context().close()
    await sys?.close()
  })

  /** A user found by phone in the Users screen, opened. */
  async function openUser(page: Page, phone: string) {
    await page.getByRole('link', { name: 'Users' }).click()
    await page.getByLabel('Phone, name or ID number').fill(phone)
    await page.getByRole('button', { name: 'Search' }).click()
    const table = page.getByRole('table', { name: 'Users' })
    await table.getByRole('cell', { name: phone }).waitFor()
    await table.getByRole('row').nth(1).getByRole('link').click()
    await page.getByRole('heading', { name: 'Profile' }).waitFor()
  }

  it('shows sign-in errors in a sentence and signs each role in', async () => {
    const ctx = await sys.browser.newContext()
    const page = await ctx.newPage()
    pages.push(page)
    await page.goto(sys.web.url)
    await shoot(page, '01-sign-in')
    await page.getByLabel('Email').fill('admin@gopay.local')
    await page.getByLabel('Password').fill('wrong-password')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect.poll(() => page.getByRole('alert').textContent()).toBeTruthy()

    const admin = await as(demoStaff.admin)
    await admin.getByRole('heading', { name: 'Dashboard' }).waitFor()
    const nav = admin.getByRole('navigation', { name: 'Sections' })
    for (const s of ['Users', 'Transactions', 'Audit log', 'Staff and roles'])
      expect(await nav.getByRole('link', { name: s }).count(), s).toBe(1)

    const sub = await as(demoStaff.subAdmin)
    const subNav = sub.getByRole('navigation', { name: 'Sections' })
    // Sub-admins run operations: no audit log, no staff, no reports (the server refuses all three).
    expect(await subNav.getByRole('link', { name: 'Users' }).count()).toBe(1)
    expect(await subNav.getByRole('link', { name: 'Audit log' }).count()).toBe(0)
    expect(await subNav.getByRole('link', { name: 'Staff and roles' }).count()).toBe(0)
    expect(await subNav.getByRole('link', { name: 'Reports' }).count()).toBe(0)

    const auditor = await as(demoStaff.auditor)
    const audNav = auditor.getByRole('navigation', { name: 'Sections' })
    expect(await audNav.getByRole('link', { name: 'Audit log' }).count()).toBe(1)
    await openUser(auditor, '+254711000001')
    await shoot(auditor, '02-user-as-auditor')
    // Read-only: no write buttons on a user, nor on staff.
    for (const name of ['Lock', 'Unlock', 'Approve to tier 2', 'Reset PIN tries'])
      expect(await auditor.getByRole('button', { name, exact: true }).count(), name).toBe(0)
    for (const [section, buttons] of [
      ['Agents', ['Onboard agent']],
      ['Merchants', ['New merchant']],
      ['Billers', ['New biller']],
      ['Fraud', ['Save rule', 'Review', 'Dismiss']],
    ] as const) {
      await audNav.getByRole('link', { name: section }).click()
      await auditor.getByRole('heading', { level: 1, name: section }).waitFor()
      await auditor.waitForLoadState('networkidle')
      for (const name of buttons) expect(await auditor.getByRole('button', { name }).count(), name).toBe(0)
    }
    await auditor.getByRole('link', { name: 'Staff and roles' }).click()
    await auditor.getByRole('table', { name: 'Permission matrix' }).waitFor()
    expect(await auditor.getByRole('button', { name: 'Create staff account' }).count()).toBe(0)
    await shoot(auditor, '03-staff-as-auditor')

    // Sign-out revokes the session: the page is back at sign-in, and the old refresh token is dead.
    const { refreshToken } = await auditor.evaluate(() =>
      JSON.parse(sessionStorage.getItem('gopay.admin.session')!),
    )
    await auditor.getByRole('button', { name: 'Sign out' }).click()
    await auditor.getByRole('button', { name: 'Sign in' }).waitFor()
    await auditor.getByText('You are signed out.').waitFor()
    expect((await sys.api.call('POST', '/v1/auth/refresh', { body: { refreshToken } })).status).toBe(401)
  })

  it('refreshes an expired session, then goes back to sign-in when the refresh is refused', async () => {
    const admin = await as(demoStaff.admin)
    const session = () => admin.evaluate(() => JSON.parse(sessionStorage.getItem('gopay.admin.session')!))
    const first = await session()
    // The access token stops working (as it does when it expires): the page refreshes and carries on.
    await admin.evaluate(() => {
      const s = JSON.parse(sessionStorage.getItem('gopay.admin.session')!)
      sessionStorage.setItem(
        'gopay.admin.session',
        JSON.stringify({ ...s, accessToken: `${s.accessToken}x` }),
      )
    })
    await admin.reload()
    await admin.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Users' }).click()
    await admin.getByRole('table', { name: 'Users' }).waitFor()
    const second = await session()
    expect(second.refreshToken).not.toBe(first.refreshToken)
    // The old refresh token was used once already: presenting it again revokes the family, so the
    // next refresh is refused and the page says the session expired.
    const reuse = await sys.api.call('POST', '/v1/auth/refresh', {
      body: { refreshToken: first.refreshToken },
    })
    expect(reuse.status).toBe(401)
    await admin.evaluate(() => {
      const s = JSON.parse(sessionStorage.getItem('gopay.admin.session')!)
      sessionStorage.setItem(
        'gopay.admin.session',
        JSON.stringify({ ...s, accessToken: `${s.accessToken}x` }),
      )
    })
    await admin.reload()
    await admin.getByText('Your session expired. Sign in again.').waitFor()
    await admin.getByRole('button', { name: 'Sign in' }).waitFor()
    await shoot(admin, '29-session-expired')
  })

  it('approves a KYC submission to tier 2', async () => {
    const user = await sys.api.user()
    const kyc = await sys.api.call('POST', '/v1/me/kyc', {
      token: user.token,
      body: { idType: 'national_id', idNumber: `ID${user.phone.slice(-7)}` },
    })
    expect(kyc.status).toBe(200)
    const admin = await as(demoStaff.admin)
    // Found in the review queue, not by knowing who submitted.
    await admin.getByRole('link', { name: 'Users' }).click()
    await admin.getByLabel('Waiting for KYC review').check()
    await admin.getByRole('table', { name: 'Users' }).getByRole('cell', { name: user.phone }).waitFor()
    await shoot(admin, '04-kyc-queue')
    await openUser(admin, user.phone)
    await shoot(admin, '04-kyc-review')
    await admin.getByRole('button', { name: 'Approve to tier 2' }).click()
    await admin.getByText('KYC approved: the user is now tier 2.').waitFor()
    const detail = await sys.api.call('GET', `/v1/admin/users/${user.id}/detail`, {
      token: (await sys.api.staff('auditor')).token,
    })
    expect(detail.body.profile.kycTier).toBe(2)
  })

  it('locks and unlocks a user found by phone', async () => {
    const user = await sys.api.user({ balance: 10_000n })
    const admin = await as(demoStaff.admin)
    await openUser(admin, user.phone)
    await admin.getByRole('button', { name: 'Lock', exact: true }).click()
    await admin.getByLabel('Reason').fill('customer reported a stolen phone')
    await admin.getByRole('button', { name: 'Confirm' }).click()
    await admin.getByRole('heading', { level: 1 }).getByText('locked').waitFor()
    await shoot(admin, '05-user-locked')
    // Locked means locked: the user cannot sign in.
    const login = await sys.api.call('POST', '/v1/auth/login', { body: { phone: user.phone, pin: user.pin } })
    expect(login.status).not.toBe(200)
    await admin.getByRole('button', { name: 'Unlock' }).click()
    await admin.getByRole('heading', { level: 1 }).getByText('active').waitFor()
    const again = await sys.api.call('POST', '/v1/auth/login', { body: { phone: user.phone, pin: user.pin } })
    expect(again.status).toBe(200)
  })

  it('reverses a transfer with four eyes: a sub-admin requests, an admin approves, the requester cannot', async () => {
    const payer = await sys.api.user({ balance: 100_000n })
    const payee = await sys.api.user()
    const sent = await sys.api.call('POST', '/v1/transfers', {
      token: payer.token,
      headers: { 'Idempotency-Key': `e2e-${payer.id}` },
      body: { toPhone: payee.phone, amount: 25_000 },
    })
    expect(sent.status).toBe(201)
    const txId = sent.body.id as string
    const balanceOf = async (token: string) =>
      (await sys.api.call('GET', '/v1/me/wallet', { token })).body.balance as number
    const payerAfterSend = await balanceOf(payer.token)

    const sub = await as(demoStaff.subAdmin)
    await sub.getByRole('link', { name: 'Transactions' }).click()
    await sub.getByLabel('Party (phone, code or ID)').fill(payer.phone)
    await sub.getByRole('button', { name: 'Search' }).click()
    const table = sub.getByRole('table', { name: 'Transactions' })
    await table.getByRole('row').nth(1).waitFor()
    await shoot(sub, '06-transactions')
    await table.getByRole('row').nth(1).getByRole('link').click()
    await sub.getByRole('heading', { name: 'Postings' }).waitFor()
    await sub.getByRole('button', { name: 'Request reversal' }).click()
    await sub.getByLabel('Reason').fill('sent to the wrong number')
    await sub.getByRole('button', { name: 'Confirm' }).click()
    await sub.getByText('Waiting for another admin').waitFor()
    expect(await sub.getByRole('button', { name: 'Approve' }).count()).toBe(0)
    await shoot(sub, '07-reversal-requested')

    // The requester is refused by the server too.
    const requests = await sys.api.call('GET', `/v1/admin/approval-requests?target=${txId}`, {
      token: (await sys.api.staff('auditor')).token,
    })
    expect(requests.body.items.map((r: { status: string }) => r.status)).toEqual(['pending'])
    const subToken = await sub.evaluate(
      () => JSON.parse(sessionStorage.getItem('gopay.admin.session')!).accessToken,
    )
    const bySub = await sys.api.call(
      'POST',
      `/v1/admin/reversal-requests/${requests.body.items[0].id}/approve`,
      {
        token: subToken,
        headers: { 'Idempotency-Key': `e2e-sub-${txId}` },
      },
    )
    expect(bySub.status).toBe(403)

    const admin = await as(demoStaff.admin)
    await admin.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Approvals' }).click()
    const item = admin.getByRole('listitem', { name: 'Reversal request' }).first()
    await item.waitFor()
    await shoot(admin, '08-approvals')
    await item.getByRole('button', { name: 'Approve' }).click()
    await admin.getByText('Approved.').waitFor()
    const tx = await sys.api.call('GET', `/v1/admin/transactions/${txId}`, {
      token: (await sys.api.staff('auditor')).token,
    })
    expect(tx.body.transaction.status).toBe('reversed')
    // The reversal undoes the whole entry: the amount and its fee.
    expect(payerAfterSend).toBe(100_000 - 25_000 - sent.body.fee)
    expect(await balanceOf(payer.token)).toBe(100_000)
    expect(await balanceOf(payee.token)).toBe(0)

    // An admin's own request: no Approve button for it, and the server says 403.
    const other = await sys.api.call('POST', '/v1/transfers', {
      token: payer.token,
      headers: { 'Idempotency-Key': `e2e-2-${payer.id}` },
      body: { toPhone: payee.phone, amount: 1_000 },
    })
    await admin.goto(`${sys.web.url}/transactions/${other.body.id}`)
    await admin.getByRole('button', { name: 'Request reversal' }).click()
    await admin.getByLabel('Reason').fill('duplicate payment')
    await admin.getByRole('button', { name: 'Confirm' }).click()
    await admin.getByText('Waiting for another admin').waitFor()
    expect(await admin.getByRole('button', { name: 'Approve' }).count()).toBe(0)
    const own = await admin.evaluate(async (id) => {
      const s = JSON.parse(sessionStorage.getItem('gopay.admin.session')!)
      const list = await fetch(`/v1/admin/approval-requests?target=${id}`, {
        headers: { authorization: `Bearer ${s.accessToken}` },
      })
      const reqId = (await list.json()).items[0].id
      const r = await fetch(`/v1/admin/reversal-requests/${reqId}/approve`, {
        method: 'POST',
        headers: { authorization: `Bearer ${s.accessToken}`, 'Idempotency-Key': crypto.randomUUID() },
      })
      return r.status
    }, other.body.id as string)
    expect(own).toBe(403)
  })

  it('reviews a fraud alert raised by a real burst of transfers, then holds the wallet', async () => {
    const burst = await sys.api.user({ balance: 1_000_000n })
    const to = await sys.api.user()
    for (let i = 0; i < 11; i++) {
      const r = await sys.api.call('POST', '/v1/transfers', {
        token: burst.token,
        headers: { 'Idempotency-Key': `burst-${i}-${burst.id}` },
        body: { toPhone: to.phone, amount: 1_000 },
      })
      expect(r.status).toBe(201)
    }
    const sub = await as(demoStaff.subAdmin)
    await sub.getByRole('link', { name: 'Fraud' }).click()
    await sub.getByLabel('Rule', { exact: true }).selectOption('velocity')
    const queue = sub.getByRole('table', { name: 'Alert queue' })
    // Raised through the outbox within 15 s; the queue is read again until it shows.
    await expect
      .poll(
        async () => {
          await sub.getByLabel('Status', { exact: true }).selectOption('reviewing')
          await sub.getByLabel('Status', { exact: true }).selectOption('open')
          return queue.getByRole('row').count()
        },
        { timeout: 20_000, interval: 1_000 },
      )
      .toBeGreaterThan(1)
    await shoot(sub, '20-fraud-queue')
    await queue.getByRole('row').nth(1).getByRole('button', { name: 'Open alert' }).click()
    await sub.getByText('Conditions that fired').waitFor()
    await sub.getByRole('button', { name: 'Review' }).click()
    await sub.getByLabel('Note').fill('calling the customer')
    await sub.getByRole('button', { name: 'Confirm' }).click()
    await sub.getByText('Marked as under review.').waitFor()
    await sub.getByRole('button', { name: 'Hold wallet' }).click()
    await sub.getByLabel('Reason').fill('customer did not recognise the payments')
    await sub.getByRole('button', { name: 'Confirm' }).click()
    await sub.getByText('The wallet is on hold.').waitFor()
    await shoot(sub, '21-fraud-actioned')
    // A rule change is back-tested over 30 days before an admin can switch it on.
    const admin = await as(demoStaff.admin)
    await admin.getByRole('link', { name: 'Fraud' }).click()
    const velocity = admin.getByRole('group', { name: 'Velocity' })
    await velocity.getByLabel('count').fill('5')
    expect(await velocity.getByRole('button', { name: 'Save rule' }).isDisabled()).toBe(true)
    await velocity.getByRole('button', { name: 'Back-test over 30 days' }).click()
    await velocity.getByText(/Over the last 30 days this would have raised \d+ alerts/).waitFor()
    expect(await velocity.getByRole('button', { name: 'Save rule' }).isDisabled()).toBe(false)
    await shoot(admin, '30-fraud-backtest')
    // A money threshold reads in the currency's units (the rule keeps minor units: 2000000).
    const newDevice = admin.getByRole('group', { name: 'New device, then a large transfer' })
    expect(await newDevice.getByLabel('Amount').inputValue()).toBe('20000.00')
    await newDevice.getByLabel('Amount').fill('25,000')
    await newDevice.getByRole('button', { name: 'Back-test over 30 days' }).click()
    await newDevice.getByText(/Over the last 30 days this would have raised \d+ alerts/).waitFor()
    await velocity.getByLabel('count').fill('10')

    const auditor = (await sys.api.staff('auditor')).token
    const alerts = await sys.api.call('GET', `/v1/admin/fraud/alerts?party=${burst.id}&rule=velocity`, {
      token: auditor,
    })
    expect(alerts.body.items[0]).toMatchObject({ status: 'actioned', partyId: burst.id })
    // On hold: the wallet cannot pay.
    const after = await sys.api.call('POST', '/v1/transfers', {
      token: burst.token,
      headers: { 'Idempotency-Key': `burst-after-${burst.id}` },
      body: { toPhone: to.phone, amount: 1_000 },
    })
    expect(after.status).toBeGreaterThanOrEqual(400)
  })

  it("downloads the trial balance and the day's transactions as CSV, matching the ledger", async () => {
    const payer = await sys.api.user({ balance: 50_000n })
    const payee = await sys.api.user()
    const sent = await sys.api.call('POST', '/v1/transfers', {
      token: payer.token,
      headers: { 'Idempotency-Key': `csv-${payer.id}` },
      body: { toPhone: payee.phone, amount: 12_345 },
    })
    expect(sent.status).toBe(201)
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: sys.api.config.timezone }).format(new Date())
    const auditor = await as(demoStaff.auditor)
    await auditor.getByRole('link', { name: 'Reports' }).click()
    await auditor.getByLabel('Day', { exact: true }).fill(day)
    const download = async (report: string) => {
      await auditor.getByLabel('Report', { exact: true }).selectOption(report)
      await auditor.getByRole('table').first().waitFor()
      const [file] = await Promise.all([
        auditor.waitForEvent('download'),
        auditor.getByRole('button', { name: 'Download CSV' }).click(),
      ])
      expect(file.suggestedFilename()).toBe(`${report}-${day}.csv`)
      return parse(await readFile((await file.path())!, 'utf8'), { columns: true }) as Record<
        string,
        string
      >[]
    }
    const db = sys.api.tdb.db

    const trial = await download('trial-balance')
    await shoot(auditor, '22-report-trial-balance')
    const { rows: ledger } = await db.raw(`SELECT a.currency, a.type,
        coalesce(-sum(p.amount) FILTER (WHERE p.amount < 0), 0)::text AS debits,
        coalesce(sum(p.amount) FILTER (WHERE p.amount > 0), 0)::text AS credits
      FROM postings p JOIN ledger_accounts a ON a.id = p.account_id GROUP BY a.currency, a.type`)
    for (const l of ledger as { currency: string; type: string; debits: string; credits: string }[]) {
      const row = trial.find((r) => r.currency === l.currency && r.account_type === l.type)
      expect(row, l.type).toMatchObject({ debits: l.debits, credits: l.credits })
    }
    const total = trial.find((r) => r.account_type === 'TOTAL')!
    expect(total.debits).toBe(total.credits)
    expect(total.balance).toBe('0')

    const daily = await download('daily-transactions')
    await shoot(auditor, '23-report-daily-transactions')
    const { rows: today } = await db.raw(
      `SELECT id, amount::text, fee::text, status FROM transactions
        WHERE (created_at AT TIME ZONE ?)::date = ?::date ORDER BY created_at, id`,
      [sys.api.config.timezone, day],
    )
    expect(daily.map((r) => [r.id, r.amount, r.fee, r.status])).toEqual(
      (today as { id: string; amount: string; fee: string; status: string }[]).map((t) => [
        t.id,
        t.amount,
        t.fee,
        t.status,
      ]),
    )
    expect(daily.find((r) => r.id === sent.body.id)).toMatchObject({ amount: '12345', type: 'p2p' })
  })

  it('verifies the audit chain, and names the first broken link after a row is altered', async () => {
    const admin = await as(demoStaff.admin)
    await admin.getByRole('link', { name: 'Audit log' }).click()
    await admin.getByRole('table', { name: 'Audit log' }).waitFor()
    await admin.getByRole('button', { name: 'Verify chain' }).click()
    await admin.getByText(/The chain holds/).waitFor()
    await shoot(admin, '09-audit-verified')

    // Someone with database access edits a row behind the application's back.
    const db = sys.api.tdb.db
    const { rows } = await db.raw(
      'SELECT id FROM audit_log WHERE seq IS NOT NULL ORDER BY seq LIMIT 1 OFFSET 2',
    )
    const altered = Number(rows[0].id)
    await db.transaction(async (trx) => {
      await trx.raw('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only')
      await trx.raw(`UPDATE audit_log SET details = '{"tampered": true}'::jsonb WHERE id = ?`, [altered])
      await trx.raw('ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only')
    })
    await admin.getByRole('button', { name: 'Verify chain' }).click()
    await admin.getByText(`The chain is broken: row ${altered} was altered`, { exact: false }).waitFor()
    await shoot(admin, '10-audit-broken')
  })

  it('onboards an agent, edits it, suspends and reactivates it', async () => {
    const sub = await as(demoStaff.subAdmin)
    await sub.getByRole('link', { name: 'Agents' }).click()
    await sub.getByRole('button', { name: 'Onboard agent' }).click()
    const form = sub.getByRole('form', { name: 'Onboard agent' })
    // Typed the local way (07…): the form sends E.164.
    const local = `072${String(Date.now()).slice(-7)}`
    await form.getByLabel('Phone').fill(local)
    await form.getByLabel('Business name').fill('Kilimani Duka')
    await form.getByLabel('Location').fill('Kilimani, Nairobi')
    await form.getByLabel('Bank account').fill('0123456789')
    await form.getByLabel('Float threshold').fill('5,000')
    await form.getByLabel('Agent PIN').fill('4826')
    await form.getByRole('button', { name: 'Create agent' }).click()
    await sub.getByRole('heading', { level: 1, name: /Kilimani Duka/ }).waitFor()
    await sub
      .getByText(`+254${local.slice(1)}`)
      .first()
      .waitFor()
    await shoot(sub, '26-agent')
    const edit = sub.getByRole('form', { name: 'Edit agent' })
    await edit.getByLabel('Float threshold').fill('7,500.50')
    await edit.getByRole('button', { name: 'Save changes' }).click()
    await sub
      .getByRole('definition')
      .filter({ hasText: 'KES 7,500.50' })
      .or(sub.getByText('7,500.50').first())
      .first()
      .waitFor()
    const { rows } = await sys.api.tdb.db.raw(
      'SELECT float_threshold::text AS t FROM agents WHERE business_name = ?',
      ['Kilimani Duka'],
    )
    expect(rows[0].t).toBe('750050')
    await sub.getByRole('button', { name: 'Suspend' }).click()
    await sub.getByLabel('Reason').fill('documents expired')
    await sub.getByRole('button', { name: 'Confirm' }).click()
    await sub.getByRole('heading', { level: 1 }).getByText('suspended').waitFor()
    await sub.getByRole('button', { name: 'Reactivate' }).click()
    await sub.getByRole('heading', { level: 1 }).getByText('active').waitFor()
  })

  it('creates a merchant and a biller, edits the biller and suspends the merchant', async () => {
    const admin = await as(demoStaff.admin)
    const nav = admin.getByRole('navigation', { name: 'Sections' })
    await nav.getByRole('link', { name: 'Merchants' }).click()
    await admin.getByRole('button', { name: 'New merchant' }).click()
    const m = admin.getByRole('form', { name: 'New merchant' })
    await m.getByLabel('Phone').fill(`+25473${String(Date.now()).slice(-7)}`)
    await m.getByLabel('Business name').fill('Mama Pima Groceries')
    await m.getByLabel('Category code (MCC)').fill('5411')
    await m.getByLabel('City').fill('Mombasa')
    await m.getByLabel('Settlement bank account').fill('9988776655')
    await m.getByLabel('Merchant PIN').fill('7391')
    await m.getByRole('button', { name: 'Create merchant' }).click()
    await admin.getByRole('heading', { level: 1, name: /Mama Pima Groceries/ }).waitFor()
    await admin.getByRole('heading', { name: 'Settlements' }).waitFor()
    await shoot(admin, '31-merchant')
    await admin.getByRole('button', { name: 'Suspend' }).click()
    await admin.getByLabel('Reason').fill('closed for renovation')
    await admin.getByRole('button', { name: 'Confirm' }).click()
    await admin.getByRole('heading', { level: 1 }).getByText('suspended').waitFor()

    await nav.getByRole('link', { name: 'Billers' }).click()
    await admin.getByRole('button', { name: 'New biller' }).click()
    const b = admin.getByRole('form', { name: 'New biller' })
    await b.getByLabel('Biller code').fill('GAS')
    await b.getByLabel('Name', { exact: true }).fill('Pika Gas')
    await b.getByLabel('Account number rule (regular expression)').fill('^[0-9]{8}$')
    await b.getByLabel('Fee').fill('15')
    await b.getByLabel('Settlement bank account').fill('1122334455')
    await b.getByRole('button', { name: 'Create biller' }).click()
    const table = admin.getByRole('table', { name: 'Billers' })
    await table.getByRole('cell', { name: 'Pika Gas' }).waitFor()
    await table.getByRole('button', { name: 'Edit GAS' }).click()
    const edit = admin.getByRole('form', { name: 'Edit GAS' })
    await edit.getByLabel('Fee').fill('25.50')
    await edit.getByRole('button', { name: 'Save changes' }).click()
    await table.getByRole('cell', { name: '25.50' }).waitFor()
    await shoot(admin, '32-billers')
    const { rows } = await sys.api.tdb.db.raw(
      `SELECT count(*)::int AS n FROM audit_log WHERE action LIKE 'biller%'`,
    )
    expect(rows[0].n).toBeGreaterThanOrEqual(2)
  })

  it('changes a tariff with four eyes, effective at the stated time, and keeps the old one in the history', async () => {
    const admin = await as(demoStaff.admin)
    await admin.getByRole('link', { name: 'Tariffs and limits' }).click()
    await admin.getByText('Request a tariff change').click()
    const form = admin.getByRole('form', { name: 'Request a tariff change' })
    await form.getByLabel('Type').selectOption('airtime')
    await form.getByLabel('From amount').fill('1')
    await form.getByLabel('To amount').fill('100,000')
    await form.getByLabel('Fixed fee').fill('0')
    await form.getByLabel('Fee rate (basis points)').fill('0')
    await form.getByLabel('Fixed commission').fill('0')
    await form.getByLabel('Commission rate (basis points)').fill('150')
    // A minute ago: applied as soon as it is approved.
    const at = new Date(Date.now() - 60_000)
    const local = new Date(at.getTime() + 3 * 3600_000).toISOString().slice(0, 16) // Africa/Nairobi, the browser's zone
    await form.getByLabel('Takes effect at').fill(local)
    await form.getByLabel('Reason').fill('airtime commission from the operator')
    await form.getByRole('button', { name: 'Request change' }).click()
    await form.getByText('Saved.').waitFor()
    await shoot(admin, '27-tariff-requested')

    // The same admin cannot approve it; another one does.
    await admin.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Approvals' }).click()
    const request = admin.getByRole('listitem', { name: 'Tariff change request' }).first()
    await request.getByText('Waiting for another admin').waitFor()
    // The checker reads money and rates as the tariff screen shows them, not minor units.
    const asked = request.getByRole('table', { name: 'Requested tariff' })
    await asked.getByRole('cell', { name: 'KES 100,000.00' }).waitFor()
    await asked.getByRole('cell', { name: '1.50 %' }).waitFor()
    const second = await sys.api.staff('admin')
    const pending = await sys.api.call(
      'GET',
      '/v1/admin/approval-requests?status=pending&kind=tariff_change',
      {
        token: second.token,
      },
    )
    const approved = await sys.api.call(
      'POST',
      `/v1/admin/approval-requests/${pending.body.items[0].id}/approve`,
      {
        token: second.token,
        headers: { 'Idempotency-Key': `tariff-${pending.body.items[0].id}` },
      },
    )
    expect(approved.status).toBe(200)
    await admin.getByRole('link', { name: 'Tariffs and limits' }).click()
    const history = admin.getByRole('table', { name: 'Tariff and limit history' })
    await history
      .getByText(/airtime/)
      .first()
      .waitFor()
    await admin.getByLabel('Type', { exact: true }).first().selectOption('airtime')
    await admin.getByRole('table', { name: 'Fees in force' }).getByText('1.50 %').waitFor()
    await shoot(admin, '28-tariffs-after')
  })

  it('creates a staff account that can sign in, and disables it', async () => {
    const admin = await as(demoStaff.admin)
    await admin.getByRole('link', { name: 'Staff and roles' }).click()
    const form = admin.getByRole('form', { name: 'New staff account' })
    const email = `ops-${Date.now()}@gopay.test`
    await form.getByLabel('Email').fill(email)
    await form.getByLabel('Display name').fill('Operations Desk')
    await form.getByLabel('Role').selectOption('sub_admin')
    await form.getByLabel('Password').fill('a-long-enough-password')
    await form.getByRole('button', { name: 'Create staff account' }).click()
    await admin.getByText('Staff account created.').waitFor()
    await admin.getByRole('cell', { name: email }).first().waitFor()
    const ops = await as({ email, password: 'a-long-enough-password' })
    await ops.getByText('Operations Desk').waitFor()
    await admin.getByRole('button', { name: `Disable ${email}` }).click()
    await admin.getByLabel('Reason').fill('left the company')
    await admin.getByRole('button', { name: 'Confirm' }).click()
    await admin.getByRole('button', { name: `Enable ${email}` }).waitFor()
    await shoot(admin, '24-staff-disabled')
    const login = await sys.api.call('POST', '/v1/auth/login', {
      body: { email, password: 'a-long-enough-password' },
    })
    expect(login.status).not.toBe(200)
  })

  it('speaks Swahili', async () => {
    const admin = await as(demoStaff.admin)
    await admin.getByLabel('Language').first().selectOption('sw')
    await admin.getByRole('link', { name: 'Watumiaji' }).waitFor()
    await admin.getByRole('heading', { level: 1, name: 'Dashibodi' }).waitFor()
    await shoot(admin, '25-dashboard-swahili')
    await admin.getByLabel('Lugha').first().selectOption('en')
  })

  it('shows every screen without an error state', async () => {
    const admin = await as(demoStaff.admin)
    for (const [link, name] of [
      ['Dashboard', '11-dashboard'],
      ['Agents', '12-agents'],
      ['Merchants', '13-merchants'],
      ['Billers', '14-billers'],
      ['Tariffs and limits', '15-tariffs'],
      ['Fraud', '16-fraud'],
      ['Reports', '17-reports'],
      ['System health', '18-health'],
      ['Staff and roles', '19-staff'],
    ] as const) {
      await admin.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: link }).click()
      await admin.getByRole('heading', { level: 1, name: link }).waitFor()
      await admin.waitForLoadState('networkidle')
      await expect.poll(() => admin.getByRole('status').filter({ hasText: 'Loading' }).count()).toBe(0)
      expect(await admin.getByRole('alert').allTextContents(), link).toEqual([])
      await shoot(admin, name)
    }
  })
})
