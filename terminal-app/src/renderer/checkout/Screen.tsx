import { useEffect, useReducer, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatMoney } from '@gopay/vocabulary'
import { gopay } from '../bridge'
import { Field, Money, Problem, Screen } from '../ui'
import { checkoutReducer, saleTotal, type Item } from './checkout'

/**
 * Checkout: an amount (or items), then a payment request whose QR the customer display shows with a
 * countdown; its status arrives live from the core's event stream; a GoPay card tap + PIN pays too.
 */
export function CheckoutScreen({ currency, onHome }: { currency: string; onHome: () => void }) {
  const { t } = useTranslation()
  const [s, dispatch] = useReducer(checkoutReducer, { step: 'entering', error: null })
  const [amount, setAmount] = useState('')
  const [items, setItems] = useState<Item[]>([])
  const [pin, setPin] = useState('')
  const [now, setNow] = useState(Date.now())

  useEffect(() => {
    const offs = [
      gopay.on('checkout.status', (request) => dispatch({ type: 'status', request })),
      gopay.on('card.read', (c) => dispatch({ type: 'card', label: c.label })),
      // A swipe or tap the reader could not read: say so where the card would have shown.
      gopay.on('card.badRead', (b) => dispatch({ type: 'card-unreadable', message: b.message })),
    ]
    const timer = setInterval(() => setNow(Date.now()), 1000)
    return () => {
      offs.forEach((o) => o())
      clearInterval(timer)
    }
  }, [])
  useEffect(() => {
    if (s.step === 'paid' && !s.transaction && s.request.paidTransactionId)
      void gopay.checkout
        .finish({ transactionId: s.request.paidTransactionId })
        .then((r) => r.ok && dispatch({ type: 'receipt', transaction: r.value }))
  }, [s])

  const total = saleTotal(amount, items)
  const start = async () => {
    if (total === null) return dispatch({ type: 'invalid', error: t('flow.badAmount') })
    const r = await gopay.checkout.start({ amount: String(total) })
    if (r.ok) dispatch({ type: 'started', request: r.value })
    else dispatch({ type: 'invalid', error: r.message })
  }
  const payByCard = async () => {
    if (s.step !== 'waiting' || !/^\d{4}$/.test(pin)) return
    dispatch({ type: 'pay-card' })
    const o = await gopay.checkout.payByCard({ key: crypto.randomUUID(), requestId: s.request.id, pin })
    setPin('')
    if (o.outcome === 'done') dispatch({ type: 'receipt', transaction: o.transaction })
    else dispatch({ type: 'card-refused', message: o.message })
  }
  const fresh = () => {
    setAmount('')
    setItems([])
    setPin('')
    dispatch({ type: 'new' })
    void gopay.display.show({ view: { kind: 'idle', businessName: '' } })
  }

  if (s.step === 'entering')
    return (
      <Screen title={t('checkout.title')} onBack={onHome}>
        <form
          className="form wide"
          onSubmit={(e) => {
            e.preventDefault()
            void start()
          }}
        >
          {!items.length && (
            <Field
              label={t('flow.amount')}
              name="Amount"
              inputMode="decimal"
              autoFocus
              autoComplete="off"
              value={amount}
              onChange={(e) => setAmount(e.target.value)}
            />
          )}
          {items.map((it, i) => (
            <div className="item-row" key={i}>
              {(['name', 'qty', 'price'] as const).map((k) => (
                <Field
                  key={k}
                  label={t(`checkout.${k === 'name' ? 'item' : k}`)}
                  name={`${k === 'name' ? 'Item' : k === 'qty' ? 'Quantity' : 'Price'} ${i + 1}`}
                  inputMode={k === 'name' ? 'text' : 'decimal'}
                  value={it[k]}
                  autoFocus={k === 'name' && i === items.length - 1}
                  onChange={(e) =>
                    setItems(items.map((x, j) => (j === i ? { ...x, [k]: e.target.value } : x)))
                  }
                />
              ))}
            </div>
          ))}
          <button
            type="button"
            className="ghost"
            onClick={() => setItems([...items, { name: '', qty: '1', price: '' }])}
          >
            {t('checkout.addItem')}
          </button>
          <p className="big-amount">
            {t('checkout.total')}: {total === null ? '—' : formatMoney(total, currency)}
          </p>
          <Problem message={s.error} />
          <button type="submit" className="primary">
            {t('checkout.charge')}
          </button>
        </form>
      </Screen>
    )

  const r = s.request
  if (s.step === 'waiting' || s.step === 'paying-card') {
    const left = Math.max(0, Math.ceil((new Date(r.expiresAt).getTime() - now) / 1000))
    return (
      <Screen title={t('checkout.title')}>
        <div className="waiting" role="status">
          <p className="big-amount">
            <Money minor={r.amount} currency={r.currency} />
          </p>
          <p>
            {t('checkout.waiting')} —{' '}
            {t('checkout.secondsLeft', {
              seconds: `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`,
            })}
          </p>
          <p className="hint">{t('checkout.tap')}</p>
          {s.step === 'waiting' && s.card && (
            <form
              className="form"
              onSubmit={(e) => {
                e.preventDefault()
                void payByCard()
              }}
            >
              <p>{t('checkout.card', { label: s.card })}</p>
              <Field
                label={t('flow.customerPin')}
                name="Customer PIN"
                type="password"
                inputMode="numeric"
                maxLength={4}
                autoFocus
                value={pin}
                onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))}
              />
              <button type="submit" className="primary">
                {t('flow.confirm')}
              </button>
            </form>
          )}
          {s.step === 'paying-card' && <p aria-busy="true">{t('flow.sending')}</p>}
          {s.step === 'waiting' && <Problem message={s.error} />}
          {s.step === 'waiting' && (
            <button
              type="button"
              className="ghost"
              onClick={async () => {
                await gopay.checkout.cancel({ requestId: r.id })
              }}
            >
              {t('checkout.cancel')}
            </button>
          )}
        </div>
      </Screen>
    )
  }
  return (
    <Screen title={t('checkout.title')} onBack={onHome}>
      <div className={s.step === 'paid' ? 'done' : 'refused'} role="status">
        {s.step === 'paid' ? (
          <>
            <p className="done-mark">
              ✓ {t('checkout.paid')} <Money minor={r.amount} currency={r.currency} />
            </p>
            {s.transaction && (
              <p className="reference">
                {t('flow.reference')}: <strong data-testid="reference">{s.transaction.reference}</strong>
              </p>
            )}
            {s.transaction && (
              <button
                type="button"
                className="ghost"
                onClick={() => void gopay.printing.reprint({ transactionId: s.transaction!.id })}
              >
                {t('flow.printAgain')}
              </button>
            )}
          </>
        ) : (
          <p className="refused-mark">
            {s.status === 'expired' ? t('checkout.expired') : t('checkout.cancelled')}
          </p>
        )}
        <button type="button" className="primary" autoFocus onClick={fresh}>
          {t('menu.newSale')}
        </button>
      </div>
    </Screen>
  )
}
