import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chromium, type Browser, type Page } from 'playwright-core'
import {
  hasSocat,
  startVirtualLab,
  type DecodedReceipt,
  type VirtualLab,
  type VirtualPrinter,
} from '@gopay/hardware'
import { needsDatabase, startTestApi, type TestApi } from '../../core-api/src/testing/harness'
import { ensureRendererBuilt } from '../src/server/build'
import { startBrowserTerminal } from '../src/server/browser-mode'

// The terminal as people use it: browser mode in Debian's Chromium, against the real core API on
// PostgreSQL, with the virtual lab's printer on a socat pty (its receipts decoded from ESC/POS).
const chromiumPath = '/usr/bin/chromium'
const why = needsDatabase
  ? 'DATABASE_URL is not set (the terminal is tested against the real core on PostgreSQL)'
  : !hasSocat()
    ? 'socat is not installed (the printer is tested on a pty)'
    : !existsSync(chromiumPath)
      ? `no Chromium at ${chromiumPath}`
      : null
if (why) console.warn(`terminal e2e skipped: ${why}`)

const shots = new URL('./screenshots/', import.meta.url).pathname
// A real 1×1 PNG (the core checks that an ID photo is an image).
const onePixelPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
)
mkdirSync(shots, { recursive: true })

describe.skipIf(!!why)('the terminal in browser mode', () => {
  let api: TestApi
  let lab: VirtualLab
  let printer: VirtualPrinter
  let browser: Browser
  let page: Page
  let term: Awaited<ReturnType<typeof startBrowserTerminal>>
  let admin: { token: string }
  let agent: { id: string; code: string; phone: string; token: string }
  let terminalId: string
  const dataDir = mkdtempSync(join(tmpdir(), 'gopay-terminal-e2e-'))
  /** Answers of money requests to drop after the core has acted on them: a network cut mid-request. */
  let dropAnswers = 0
  const receipts: DecodedReceipt[] = []

  const shot = (name: string) => page.screenshot({ path: join(shots, `${name}.png`), fullPage: true })
  const balance = async (token: string) =>
    (await api.call('GET', '/v1/me/wallet', { token })).body.balance as number

  beforeAll(async () => {
    await ensureRendererBuilt()
    api = await startTestApi()
    lab = await startVirtualLab({ tcpPort: 0 })
    const pty = lab.printers.find((p) => p.connection.startsWith('serial:'))!
    printer = pty.printer
    printer.on('receipt', (r) => receipts.push(r))
    admin = await api.staff('admin')
    agent = await api.agent({ float: 10_000_000n })
    term = await startBrowserTerminal({
      coreUrl: api.url,
      dataDir,
      port: 0,
      env: {
        GOPAY_PRINTER: pty.connection,
        GOPAY_CARD_READER: lab.cardReader!.connection,
        GOPAY_DISPLAY: 'window',
      },
      checkInMs: 500,
      retry: { minMs: 300, maxMs: 600 },
      fetch: async (input, init) => {
        const res = await fetch(input, init)
        const url = String(input instanceof Request ? input.url : input)
        if (dropAnswers > 0 && /\/v1\/cash-(ins|outs)$/.test(url)) {
          dropAnswers--
          throw new TypeError('fetch failed: connection reset')
        }
        return res
      },
    })
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--headless', '--no-sandbox', '--disable-gpu'],
    })
    page = await browser.newPage({ viewport: { width: 1100, height: 760 } })
  })

  afterAll(async () => {
    await browser?.close()
    await term?.close()
    await lab?.stop()
    await api?.close()
    rmSync(dataDir, { recursive: true, force: true })
  })

  const enrol = async () => {
    const r = await api.call('POST', '/v1/admin/terminals', {
      token: admin.token,
      body: { agentCode: agent.code, label: 'Counter 1' },
    })
    expect(r.status).toBe(201)
    terminalId = r.body.id
    return r.body.activationCode as string
  }

  const signIn = async () => {
    await page.getByLabel('Phone').fill(agent.phone)
    await page.getByLabel('PIN', { exact: true }).fill('1470')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.getByRole('button', { name: 'Cash in' }).waitFor()
  }

  const waitForReceipts = async (n: number) => {
    for (let i = 0; i < 100 && receipts.length < n; i++) await new Promise((r) => setTimeout(r, 100))
    expect(receipts.length).toBe(n)
  }
  /** The confirmation codes the core queued for this phone's SMS, newest first. */
  const smsCodes = async (phone: string) => {
    const rows: { payload: string | { to: string; message: string } }[] = await api.tdb
      .db('outbox')
      .where({ topic: 'sms.send' })
      .orderBy('id', 'desc')
      .select('payload')
    return rows
      .map((r) => (typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload))
      .filter((p) => p.to === phone)
      .map((p) => /\b(\d{6})\b/.exec(p.message)?.[1])
  }
  const line = (r: DecodedReceipt, label: string) =>
    r.lines.find((l) => l.startsWith(label))?.replace(/\s+/g, ' ')

  it('activates with a one-time code, and signs the agent in', async () => {
    const code = await enrol()
    await page.goto(term.url)
    await page.getByLabel('Activation code').fill('WRNG-CODE-0000')
    await page.getByRole('button', { name: 'Activate' }).click()
    await page.getByRole('alert').waitFor()
    await shot('01-activation-refused')
    await page.getByLabel('Activation code').fill(code)
    await shot('02-activation')
    await page.keyboard.press('Enter')
    await page.getByLabel('Phone').waitFor()
    await shot('03-sign-in')
    await signIn()
    await page.getByTestId('float').getByText('KES 100,000.00').waitFor()
    await shot('04-agent-home')
  })

  it('cashes in by keyboard: the registered name first, then one receipt with the amount, and the drawer opens', async () => {
    const customer = await api.user({ balance: 0n })
    await page.keyboard.press('1') // the first menu entry: Cash in
    await page.getByLabel('Customer phone').fill(customer.phone)
    await page.getByLabel('Amount').fill('1,500.50')
    await shot('05-cash-in-entering')
    await page.keyboard.press('Enter')
    await page.getByTestId('customer-name').getByText('Test User').waitFor()
    const display = await browser.newPage({ viewport: { width: 800, height: 600 } })
    await display.goto(`${term.url}/display`)
    await display.getByTestId('display-name').getByText('Test User').waitFor()
    await display.screenshot({ path: join(shots, '06-customer-display-confirm.png') })
    await display.close()
    await shot('06-cash-in-confirming')
    await page.keyboard.press('Enter') // Confirm has the focus
    const ref = (await page.getByTestId('reference').textContent())!
    await shot('07-cash-in-done')
    expect(await balance(customer.token)).toBe(150050)
    await waitForReceipts(1)
    const r = receipts[0]!
    expect(r.lines.join('\n')).toContain('CASH IN')
    expect(r.lines.join('\n')).toContain('CUSTOMER COPY')
    expect(line(r, 'Amount')).toBe('Amount KES 1,500.50')
    expect(line(r, 'Ref')).toBe(`Ref ${ref}`)
    expect(r.qrCodes).toContain(ref)
  })

  it('cashes out with the customer PIN masked: customer and agent copies', async () => {
    const customer = await api.user({ balance: 500_000n })
    await page.getByRole('button', { name: 'Back' }).click()
    await page.getByRole('button', { name: 'Cash out' }).click()
    await page.getByLabel('Customer phone').fill(customer.phone)
    await page.getByLabel('Amount').fill('2000')
    await page.getByLabel('Customer PIN').fill('1357')
    expect(await page.getByLabel('Customer PIN').getAttribute('type')).toBe('password')
    await shot('08-cash-out-entering')
    await page.getByRole('button', { name: 'Next' }).click()
    await page.getByRole('button', { name: 'Confirm' }).click()
    await page.getByTestId('reference').waitFor()
    await shot('09-cash-out-done')
    await waitForReceipts(3)
    const [customerCopy, agentCopy] = receipts.slice(1)
    expect(customerCopy!.lines.join('\n')).toContain('CUSTOMER COPY')
    expect(agentCopy!.lines.join('\n')).toContain('AGENT COPY')
    for (const r of [customerCopy!, agentCopy!]) expect(line(r, 'Amount')).toBe('Amount KES 2,000.00')
    expect(await balance(customer.token)).toBeLessThan(500_000 - 200_000 + 1)
  })

  it('a wrong customer PIN is refused with a plain sentence and moves nothing', async () => {
    const customer = await api.user({ balance: 500_000n })
    await page.getByRole('button', { name: 'New transaction' }).click()
    await page.getByLabel('Customer phone').fill(customer.phone)
    await page.getByLabel('Amount').fill('100')
    await page.getByLabel('Customer PIN').fill('9999')
    await page.keyboard.press('Enter')
    await page.getByRole('button', { name: 'Confirm' }).click()
    await page.getByRole('alert').waitFor()
    await shot('10-cash-out-refused')
    expect(await balance(customer.token)).toBe(500_000)
    await page.getByRole('button', { name: 'Home' }).click()
  })

  it('paper out mid-sale: the receipt waits, the status bar says so, and it prints once when paper returns', async () => {
    const customer = await api.user({ balance: 0n })
    printer.set({ paperOut: true })
    await page.getByRole('button', { name: 'Cash in' }).click()
    await page.getByLabel('Customer phone').fill(customer.phone)
    await page.getByLabel('Amount').fill('250')
    await page.keyboard.press('Enter')
    await page.getByRole('button', { name: 'Confirm' }).click()
    await page.getByTestId('reference').waitFor()
    await page.getByTestId('status-printer').getByText('paper out').waitFor()
    await shot('11-paper-out')
    const before = receipts.length
    printer.set({ paperOut: false })
    await waitForReceipts(before + 1)
    await new Promise((r) => setTimeout(r, 1500))
    expect(receipts.length).toBe(before + 1)
    expect(line(receipts.at(-1)!, 'Amount')).toBe('Amount KES 250.00')
    await page.getByTestId('status-printer').getByText('ready').waitFor()
  })

  it('the network cut mid-request: "checking", the same key again, exactly one transaction', async () => {
    const customer = await api.user({ balance: 0n })
    const floatBefore = (await api.call('GET', '/v1/agents/me/float', { token: agent.token })).body.balance
    await page.getByRole('button', { name: 'New transaction' }).click()
    await page.getByLabel('Customer phone').fill(customer.phone)
    await page.getByLabel('Amount').fill('700')
    await page.keyboard.press('Enter')
    dropAnswers = 3
    await page.getByRole('button', { name: 'Confirm' }).click()
    await page.getByText(/Checking/).waitFor()
    await shot('12-checking')
    await page.getByTestId('reference').waitFor({ timeout: 20_000 })
    await shot('13-checked-done')
    expect(dropAnswers).toBe(0)
    expect(await balance(customer.token)).toBe(70_000)
    const floatAfter = (await api.call('GET', '/v1/agents/me/float', { token: agent.token })).body.balance
    expect(floatBefore - floatAfter).toBe(70_000)
  })

  it("lists the day's transactions and reprints one marked REPRINT", async () => {
    await page.getByRole('button', { name: 'Back' }).click()
    await page.getByRole('button', { name: "Today's transactions" }).click()
    const reprint = page.getByRole('button', { name: /Print again/ }).first()
    await reprint.waitFor()
    await shot('14-transactions')
    const before = receipts.length
    await reprint.click()
    await waitForReceipts(before + 1)
    expect(receipts.at(-1)!.lines.join('\n')).toContain('REPRINT')
    await page.getByRole('button', { name: 'Back' }).click()
  })

  it('shows the commission statement, float requests and the registration form', async () => {
    await page.getByRole('button', { name: 'Commissions' }).click()
    await page.getByText('Not yet paid').waitFor()
    await shot('15-commissions')
    await page.getByRole('button', { name: 'Back' }).click()
    await page.getByRole('button', { name: 'Float requests' }).click()
    await page.getByLabel('Amount').waitFor()
    await shot('16-float-requests')
    await page.getByRole('button', { name: 'Back' }).click()
    await page.getByRole('button', { name: 'Customer withdrawals' }).click()
    await page
      .getByText(/No withdrawal|Hand over/)
      .first()
      .waitFor()
    await shot('17-withdrawals')
    await page.getByRole('button', { name: 'Back' }).click()
    await page.getByRole('button', { name: 'Register customer' }).click()
    await page.getByLabel('First name').waitFor()
    await shot('18-registration')
    await page.getByRole('button', { name: 'Back' }).click()
    await page.getByRole('button', { name: 'Kiswahili' }).click()
    await page.getByText('Weka pesa').waitFor()
    await shot('19-agent-home-swahili')
    await page.getByRole('button', { name: 'English' }).click()
  })

  it('registers a customer at the counter with a photo of the ID from a file', async () => {
    const phone = `+2547${String(Date.now()).slice(-8)}`
    await page.getByRole('button', { name: 'Register customer' }).click()
    await page.getByLabel('Customer phone').fill(phone)
    await page.getByLabel('First name').fill('Wanjiku')
    await page.getByLabel('Last name').fill('Kamau')
    await page.getByLabel('ID number').fill('12345678')
    await page
      .getByLabel('ID photo')
      .setInputFiles({ name: 'id.png', mimeType: 'image/png', buffer: onePixelPng })
    await page.getByRole('img', { name: 'ID photo' }).waitFor()
    await page.getByLabel('Customer PIN').fill('4826')
    await shot('18b-registration-filled')
    await page.getByRole('button', { name: 'Register' }).click()
    await page.getByText('Registered: Wanjiku Kamau').waitFor()
    await shot('18c-registration-done')
    const found = await api.call('GET', `/v1/agents/me/customers/lookup?phone=${encodeURIComponent(phone)}`, {
      token: agent.token,
    })
    expect(found.body).toMatchObject({ name: 'Wanjiku Kamau', status: 'pending_otp', canTransact: false })

    // The code the core sent the customer: its SMS, read from the core's outbox (newest first).
    const code = await smsCodes(phone).then((codes) => codes[0])
    expect(code).toMatch(/^\d{6}$/)
    const wrong = code === '000000' ? '111111' : '000000'
    await page.getByLabel('SMS code').fill(wrong)
    await page.getByRole('button', { name: 'Confirm' }).click()
    await page.getByRole('alert').getByText('That code is not right.').waitFor()
    await shot('18d-registration-wrong-code')
    expect(
      (
        await api.call('GET', `/v1/agents/me/customers/lookup?phone=${encodeURIComponent(phone)}`, {
          token: agent.token,
        })
      ).body.status,
    ).toBe('pending_otp')

    // Another code by SMS: it replaces the first one.
    await page.getByRole('button', { name: 'Send the code again' }).click()
    await page.getByText('A new code was sent by SMS.').waitFor()
    const codes = await smsCodes(phone)
    expect(codes.length).toBe(2)
    const latest = codes[0]!

    await page.getByLabel('SMS code').fill(latest)
    await shot('18e-registration-confirm-code')
    await page.getByRole('button', { name: 'Confirm' }).click()
    await page.getByText('Wanjiku Kamau is active').waitFor()
    await shot('18f-registration-active')
    const active = await api.call(
      'GET',
      `/v1/agents/me/customers/lookup?phone=${encodeURIComponent(phone)}`,
      {
        token: agent.token,
      },
    )
    expect(active.body).toMatchObject({ status: 'active', canTransact: true })

    // Straight on to the cash-in the customer came for, the phone already filled in.
    const receiptsBefore = receipts.length
    await page.getByRole('button', { name: 'Cash in to this customer' }).click()
    expect(await page.getByLabel('Customer phone').inputValue()).toBe(phone)
    await page.getByLabel('Amount').fill('500')
    await page.keyboard.press('Enter')
    await page.getByTestId('customer-name').getByText('Wanjiku Kamau').waitFor()
    await page.keyboard.press('Enter') // Confirm has the focus
    await page.getByTestId('reference').waitFor()
    await shot('18g-registration-cash-in-done')
    await waitForReceipts(receiptsBefore + 1)
    // The customer signs in with the PIN typed at the counter and sees the money.
    const login = await api.call('POST', '/v1/auth/login', { body: { phone, pin: '4826' } })
    expect(login.status).toBe(200)
    expect(await balance(login.body.accessToken)).toBe(50000)
    await page.getByRole('button', { name: 'Back' }).click()
  })

  it('completes a withdrawal the customer started by USSD: cash handed over once, two copies', async () => {
    const customer = await api.user({ balance: 300_000n })
    const w = await api.call('POST', '/v1/withdrawals', {
      token: customer.token,
      body: { agentCode: agent.code, amount: 100_000 },
      headers: { 'Idempotency-Key': crypto.randomUUID() },
    })
    expect(w.status).toBe(201)
    await page.getByRole('button', { name: 'Customer withdrawals' }).click()
    await page.getByRole('button', { name: 'Hand over cash' }).click()
    const before = receipts.length
    await page.getByRole('button', { name: 'Confirm' }).click()
    await page.getByTestId('reference').waitFor()
    await shot('17b-withdrawal-handed-over')
    await waitForReceipts(before + 2)
    expect(line(receipts.at(-1)!, 'Amount')).toBe('Amount KES 1,000.00')
    await page.getByRole('button', { name: 'New transaction' }).click()
    await page.getByText('No withdrawal is waiting.').waitFor()
    await page.getByRole('button', { name: 'Back' }).click()
  })

  it('a lock signs the operator out until staff unlock; idle time signs out too', async () => {
    await api.call('POST', `/v1/admin/terminals/${terminalId}/lock`, { token: admin.token })
    await page.getByText('This terminal is locked by GoPay').waitFor({ timeout: 10_000 })
    await shot('19b-locked')
    await api.call('POST', `/v1/admin/terminals/${terminalId}/unlock`, { token: admin.token })
    await page.waitForFunction(() => !document.body.innerText.includes('locked by GoPay'), undefined, {
      timeout: 10_000,
    })
    await page.goto(`${term.url}/?idle=2`)
    await signIn()
    await page.getByText(/Signed out after/).waitFor({ timeout: 10_000 })
    await shot('19c-idle-signed-out')
    await page.goto(term.url)
  })

  it('a wipe order signs out and returns the terminal to activation', async () => {
    const r = await api.call('POST', `/v1/admin/terminals/${terminalId}/wipe`, { token: admin.token })
    expect(r.status).toBe(202)
    await page.getByLabel('Activation code').waitFor({ timeout: 10_000 })
    await shot('20-wiped')
    const info = await term.terminal.handlers['terminal.info']({})
    expect(info.activated).toBe(false)
    expect(existsSync(join(dataDir, 'terminal.vault'))).toBe(false)
  })

  describe('as a merchant till (the wiped terminal activated again)', () => {
    let merchant: { code: string; token: string; phone: string }
    const signInMerchant = async () => {
      await page.getByLabel('Phone').fill(merchant.phone)
      await page.getByLabel('PIN', { exact: true }).fill('3690')
      await page.keyboard.press('Enter')
      await page.getByRole('button', { name: 'New sale' }).waitFor()
    }

    it('activates for a till and signs the merchant in', async () => {
      const m = await api.merchant()
      const party = await api.tdb.db('parties').where({ id: m.id }).first('phone')
      merchant = { code: m.code, token: m.token, phone: party.phone }
      const r = await api.call('POST', '/v1/admin/terminals', {
        token: admin.token,
        body: { tillCode: m.code },
      })
      expect(r.status).toBe(201)
      await page.getByLabel('Activation code').fill(r.body.activationCode)
      await page.getByRole('button', { name: 'Activate' }).click()
      await page.getByLabel('Phone').waitFor()
      await signInMerchant()
      await shot('21-merchant-home')
    })

    it('a QR sale paid from another client: the status arrives live, the receipt prints with the reference', async () => {
      const payer = await api.user({ balance: 1_000_000n })
      await page.getByRole('button', { name: 'New sale' }).click()
      await page.getByLabel('Amount').fill('250')
      await shot('22-sale-entering')
      await page.keyboard.press('Enter')
      await page.getByText(/Waiting for the customer to pay/).waitFor()
      const display = await browser.newPage({ viewport: { width: 800, height: 600 } })
      await display.goto(`${term.url}/display`)
      await display.goto(`${term.url}/display`)
      await display
        .getByRole('img', { name: 'Payment QR code' })
        .waitFor({ timeout: 5000 })
        .catch(async (e) => {
          await display.screenshot({ path: join(shots, '23-customer-display-failed.png') })
          throw e
        })
      await display.screenshot({ path: join(shots, '23-customer-display-qr.png') })
      await shot('23-sale-waiting')
      const qr = (await term.terminal.handlers['display.current']({})) as { qr?: string | null }
      expect(qr.qr).toMatch(/^000201/)
      const before = receipts.length
      const paid = await api.call('POST', '/v1/merchant-payments', {
        token: payer.token,
        body: { qr: qr.qr },
        headers: { 'Idempotency-Key': crypto.randomUUID() },
      })
      expect(paid.status).toBe(201)
      const ref = await page.getByTestId('reference').textContent()
      await display.getByText('Paid. Thank you!').waitFor()
      await display.close()
      await shot('24-sale-paid')
      await waitForReceipts(before + 1)
      const r = receipts.at(-1)!
      expect(r.lines.join('\n')).toContain('SALE')
      expect(line(r, 'Amount')).toBe('Amount KES 250.00')
      expect(line(r, 'Ref')).toBe(`Ref ${ref}`)
    })

    it('a card sale: tap, the customer PIN, paid and printed', async () => {
      const holder = await api.user({ balance: 1_000_000n })
      const uid = `04A1B2C3${String(Date.now() % 100000).padStart(6, '0')}`
      expect(
        (await api.call('POST', '/v1/me/cards', { token: holder.token, body: { kind: 'nfc', uid } })).status,
      ).toBe(201)
      await page.getByRole('button', { name: 'New sale' }).click()
      await page.getByLabel('Amount').fill('120')
      await page.keyboard.press('Enter')
      await page.getByText(/Waiting for the customer to pay/).waitFor()
      lab.cardReader!.reader.tap(uid)
      await page.getByLabel('Customer PIN').fill(holder.pin)
      await shot('25-card-pin')
      const before = receipts.length
      await page.keyboard.press('Enter')
      await page.getByTestId('reference').waitFor()
      await shot('26-card-paid')
      expect(await balance(holder.token)).toBe(1_000_000 - 12_000)
      await waitForReceipts(before + 1)
      expect(line(receipts.at(-1)!, 'Amount')).toBe('Amount KES 120.00')
    })

    it("refunds from the day's sales", async () => {
      await page.getByRole('button', { name: 'New sale' }).click()
      await page.getByRole('button', { name: 'Back' }).click()
      await page.getByRole('button', { name: 'Refunds' }).click()
      await page
        .getByRole('button', { name: /^Choose / })
        .first()
        .click()
      await shot('27-refund-choose')
      await page.getByLabel('Amount').fill('50')
      await page.keyboard.press('Enter')
      await page.getByTestId('reference').waitFor()
      await shot('28-refund-done')
      await page.getByRole('button', { name: 'Back' }).click()
    })

    it('shows the Z-report and prints it', async () => {
      await page.getByRole('button', { name: 'End of day' }).click()
      await page.getByTestId('z-report').waitFor()
      await shot('29-z-report')
      const before = receipts.length
      await page.getByRole('button', { name: 'Print Z-report' }).click()
      await waitForReceipts(before + 1)
      expect(receipts.at(-1)!.lines.join('\n')).toContain('END OF DAY')
      await page.getByRole('button', { name: 'Sign out' }).click()
      await page.getByLabel('Phone').waitFor()
    })
  })
})
