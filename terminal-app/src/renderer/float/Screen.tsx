import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useQueryClient } from '@tanstack/react-query'
import { formatMoney, parseAmount } from '@gopay/vocabulary'
import { gopay } from '../bridge'
import { Field, Problem, Screen } from '../ui'

/** Float top-up and withdrawal requests to the agent's bank account (settled when the bank confirms). */
export function FloatScreen({ onHome }: { onHome: () => void }) {
  const { t } = useTranslation()
  const queries = useQueryClient()
  const [amount, setAmount] = useState('')
  const [note, setNote] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const request = async (direction: 'top-up' | 'withdrawal') => {
    const a = parseAmount(amount)
    if (!a.ok || a.minor <= 0n) return setError(t('flow.badAmount'))
    setBusy(true)
    setError(null)
    const o = await gopay.float
      .request({ key: crypto.randomUUID(), direction, amount: String(a.minor) })
      .finally(() => setBusy(false))
    if (o.outcome === 'refused') return setError(o.message)
    setNote(
      t('floatReq.pending', {
        amount: formatMoney(BigInt(o.transaction.amount), o.transaction.currency),
        status: o.transaction.status,
      }),
    )
    setAmount('')
    void queries.invalidateQueries({ queryKey: ['float'] })
  }
  return (
    <Screen title={t('floatReq.title')} onBack={onHome}>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault()
          void request('top-up')
        }}
      >
        <Field
          label={t('flow.amount')}
          name="Amount"
          inputMode="decimal"
          autoFocus
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
        />
        <Problem message={error} />
        {note && (
          <p role="status" className="done">
            {note}
          </p>
        )}
        <div className="actions">
          <button type="button" className="ghost" disabled={busy} onClick={() => void request('withdrawal')}>
            {t('floatReq.withdraw')}
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {t('floatReq.topUp')}
          </button>
        </div>
      </form>
    </Screen>
  )
}
