import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useQueryClient } from '@tanstack/react-query'
import { formatMoney, parseAmount, toE164 } from '@gopay/vocabulary'
import type { Outcome } from '../../bridge/contract'
import { gopay } from '../bridge'
import { Field, Problem, Screen } from '../ui'
import { useFlow } from './useFlow'
import { Finished } from './Finished'

export interface Draft {
  phone: string
  amount: string
  pin: string
}

/**
 * Cash-in and cash-out at the counter: customer phone and amount (and the customer's PIN for a
 * cash-out), then the registered name on both screens before Confirm, then one request.
 */
export function CustomerMoneyFlow({
  action,
  currency,
  onHome,
  phone = '',
}: {
  action: 'cash-in' | 'cash-out'
  currency: string
  onHome: () => void
  /** The customer's phone already known (a customer just registered at the counter). */
  phone?: string
}) {
  const { t } = useTranslation()
  const queries = useQueryClient()
  const [looking, setLooking] = useState(false)
  const send = (key: string, d: Draft): Promise<Outcome> => {
    const customerPhone = toE164(d.phone)!
    const amount = String((parseAmount(d.amount) as { minor: bigint }).minor)
    return action === 'cash-in'
      ? gopay.cashIn.submit({ key, customerPhone, amount })
      : gopay.cashOut.submit({ key, customerPhone, amount, customerPin: d.pin })
  }
  const { state, dispatch, submit } = useFlow<Draft>({ phone, amount: '', pin: '' }, send)
  const d = state.draft

  useEffect(() => {
    if (state.step === 'done' || state.step === 'refused')
      void queries.invalidateQueries({ queryKey: ['float'] })
    if (state.step === 'entering' || state.step === 'refused')
      void gopay.display.show({ view: { kind: 'idle', businessName: '' } })
  }, [state.step, queries])

  const next = async () => {
    const phone = toE164(d.phone)
    const amount = parseAmount(d.amount)
    if (!phone) return dispatch({ type: 'invalid', error: t('flow.badPhone') })
    if (!amount.ok || amount.minor <= 0n) return dispatch({ type: 'invalid', error: t('flow.badAmount') })
    if (action === 'cash-out' && !/^\d{4}$/.test(d.pin))
      return dispatch({ type: 'invalid', error: t('flow.badPin') })
    setLooking(true)
    const found = await gopay.customers.lookup({ phone }).finally(() => setLooking(false))
    if (!found.ok) return dispatch({ type: 'invalid', error: found.message })
    if (!found.value.canTransact)
      return dispatch({ type: 'invalid', error: t('flow.cannotTransact', { status: found.value.status }) })
    await gopay.display.show({
      view: {
        kind: 'confirm',
        action,
        customerName: found.value.name,
        phone,
        amount: String(amount.minor),
        currency,
      },
    })
    dispatch({ type: 'review', name: found.value.name })
  }

  const title = action === 'cash-in' ? t('menu.cashIn') : t('menu.cashOut')
  const amountText = () => {
    const a = parseAmount(d.amount)
    return a.ok ? formatMoney(a.minor, currency) : d.amount
  }

  if (state.step === 'entering')
    return (
      <Screen title={title} onBack={onHome}>
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault()
            void next()
          }}
        >
          <Field
            label={t('flow.customerPhone')}
            name="Customer phone"
            type="tel"
            inputMode="tel"
            autoFocus={!phone}
            autoComplete="off"
            value={d.phone}
            onChange={(e) => dispatch({ type: 'edit', draft: { phone: e.target.value } })}
          />
          <Field
            label={t('flow.amount')}
            name="Amount"
            inputMode="decimal"
            autoFocus={!!phone}
            autoComplete="off"
            value={d.amount}
            onChange={(e) => dispatch({ type: 'edit', draft: { amount: e.target.value } })}
          />
          {action === 'cash-out' && (
            <Field
              label={t('flow.customerPin')}
              name="Customer PIN"
              type="password"
              inputMode="numeric"
              maxLength={4}
              autoComplete="off"
              value={d.pin}
              onChange={(e) => dispatch({ type: 'edit', draft: { pin: e.target.value.replace(/\D/g, '') } })}
            />
          )}
          <Problem message={state.error} />
          <button type="submit" className="primary" disabled={looking}>
            {t('flow.next')}
          </button>
        </form>
      </Screen>
    )

  if (state.step === 'confirming')
    return (
      <Screen title={title} onBack={() => dispatch({ type: 'back' })}>
        <div className="confirm">
          <p className="hint">{t('flow.checkName')}</p>
          <p className="big-name" data-testid="customer-name">
            {state.name}
          </p>
          <p className="phone">{toE164(d.phone)}</p>
          <p className="big-amount">{amountText()}</p>
          <div className="actions">
            <button type="button" className="ghost" onClick={() => dispatch({ type: 'back' })}>
              {t('app.back')}
            </button>
            <button type="button" className="primary" autoFocus onClick={() => void submit()}>
              {t('flow.confirm')}
            </button>
          </div>
        </div>
      </Screen>
    )

  return (
    <Finished
      title={title}
      state={state}
      doneText={(tx) =>
        t(action === 'cash-in' ? 'flow.cashInDone' : 'flow.cashOutDone', {
          amount: formatMoney(BigInt(tx.amount), tx.currency),
          name: tx.counterparty?.name || tx.counterparty?.phone || '',
        })
      }
      onAgain={() => dispatch({ type: 'reset', draft: { phone: '', amount: '', pin: '' } })}
      onBack={() => dispatch({ type: 'back' })}
      onHome={onHome}
    />
  )
}
