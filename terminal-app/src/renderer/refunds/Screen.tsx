import { useState } from 'react'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { formatAmount, formatMoney, parseAmount } from '@gopay/vocabulary'
import type { Outcome, Sale } from '../../bridge/contract'
import { gopay } from '../bridge'
import { useFlow } from '../flow/useFlow'
import { Finished } from '../flow/Finished'
import { Field, Money, Problem, Screen } from '../ui'

/** Refunds from the day's sales: all or part of what is still refundable, to the payer's wallet. */
export function RefundsScreen({ onHome }: { onHome: () => void }) {
  const { t } = useTranslation()
  const queries = useQueryClient()
  const q = useQuery({ queryKey: ['sales'], queryFn: () => gopay.sales.today() })
  const [sale, setSale] = useState<Sale | null>(null)
  const { state, dispatch, submit } = useFlow<{ amount: string }>(
    { amount: '' },
    (key, d): Promise<Outcome> => {
      const a = parseAmount(d.amount)
      return gopay.refunds.submit({ key, paymentId: sale!.id, amount: a.ok ? String(a.minor) : '0' })
    },
  )
  if (state.step !== 'entering' && state.step !== 'confirming')
    return (
      <Finished
        title={t('refunds.refund')}
        state={state}
        doneText={(tx) => `${t('refunds.refund')} ${formatMoney(BigInt(tx.amount), tx.currency)}`}
        onAgain={() => {
          setSale(null)
          dispatch({ type: 'reset', draft: { amount: '' } })
          void queries.invalidateQueries({ queryKey: ['sales'] })
        }}
        onBack={() => dispatch({ type: 'back' })}
        onHome={onHome}
      />
    )
  const sales = q.data?.ok ? q.data.value : []
  return (
    <Screen title={t('refunds.title')} onBack={onHome}>
      <Problem message={q.data && !q.data.ok ? q.data.message : null} />
      {q.data?.ok && !sales.length && <p className="hint">{t('refunds.none')}</p>}
      <table>
        <tbody>
          {sales.map((s) => (
            <tr key={s.id} className={sale?.id === s.id ? 'selected' : ''}>
              <td>{new Date(s.createdAt).toLocaleTimeString()}</td>
              <td>{s.reference}</td>
              <td>{s.method}</td>
              <td>{s.payer?.name ?? ''}</td>
              <td>
                <Money minor={s.amount} currency={s.currency} />
              </td>
              <td>
                {t('refunds.refundable')}: <Money minor={s.refundable} currency={s.currency} />
              </td>
              <td>
                <button
                  type="button"
                  className="small"
                  disabled={s.refundable === '0'}
                  aria-label={`Choose ${s.reference}`}
                  onClick={() => {
                    setSale(s)
                    dispatch({ type: 'edit', draft: { amount: formatAmount(BigInt(s.refundable)) } })
                  }}
                >
                  {t('refunds.refund')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {sale && (
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault()
            void submit()
          }}
        >
          <p>
            {sale.reference} — {sale.payer?.name}
          </p>
          <Field
            label={t('flow.amount')}
            name="Amount"
            inputMode="decimal"
            autoFocus
            value={state.draft.amount}
            onChange={(e) => dispatch({ type: 'edit', draft: { amount: e.target.value } })}
          />
          {state.step === 'entering' && <Problem message={state.error} />}
          <button type="submit" className="primary">
            {t('refunds.refund')}
          </button>
        </form>
      )}
    </Screen>
  )
}
