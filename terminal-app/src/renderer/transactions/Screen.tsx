import { useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { gopay } from '../bridge'
import { Money, Problem, Screen } from '../ui'

/** The day's transactions, newest first, each with a reprint (marked REPRINT on paper). */
export function TransactionsScreen({ onHome }: { onHome: () => void }) {
  const { t } = useTranslation()
  const q = useQuery({ queryKey: ['transactions'], queryFn: () => gopay.transactions.today() })
  const [note, setNote] = useState<string | null>(null)
  const items = q.data?.ok ? q.data.value : []
  return (
    <Screen title={t('transactions.title')} onBack={onHome}>
      <Problem message={(q.data && !q.data.ok ? q.data.message : null) ?? note} />
      {q.data?.ok && !items.length && <p className="hint">{t('transactions.none')}</p>}
      <table>
        <tbody>
          {items.map((l) => (
            <tr key={l.id}>
              <td>{new Date(l.createdAt).toLocaleTimeString()}</td>
              <td>{l.reference}</td>
              <td>{t(`kind.${l.type}`, { defaultValue: l.type })}</td>
              <td>
                {l.counterparty?.name ?? ''} {l.counterparty?.phone ?? ''}
              </td>
              <td className={l.direction === 'in' ? 'in' : 'out'}>
                <Money minor={l.amount} currency={l.currency} />
              </td>
              <td>
                <button
                  type="button"
                  className="small"
                  aria-label={`Print again ${l.reference}`}
                  onClick={async () => {
                    const r = await gopay.printing.reprint({ transactionId: l.id })
                    setNote(r.ok ? null : r.message)
                  }}
                >
                  {t('transactions.reprint')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Screen>
  )
}
