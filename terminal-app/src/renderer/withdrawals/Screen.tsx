import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { formatMoney } from '@gopay/vocabulary'
import type { Outcome } from '../../bridge/contract'
import { gopay } from '../bridge'
import { useFlow } from '../flow/useFlow'
import { Finished } from '../flow/Finished'
import { Money, Problem, Screen } from '../ui'

/** A withdrawal the customer started by USSD: the money already moved; the agent hands over the cash once. */
export function WithdrawalsScreen({ onHome }: { onHome: () => void }) {
  const { t } = useTranslation()
  const queries = useQueryClient()
  const q = useQuery({ queryKey: ['withdrawals'], queryFn: () => gopay.withdrawals.awaiting() })
  const { state, dispatch, submit } = useFlow<{ id: string }>({ id: '' }, (key, d): Promise<Outcome> =>
    gopay.withdrawals.handOver({ key, withdrawalId: d.id }),
  )
  if (state.step !== 'entering' && state.step !== 'confirming')
    return (
      <Finished
        title={t('menu.withdrawals')}
        state={state}
        doneText={(tx) =>
          t('flow.cashOutDone', {
            amount: formatMoney(BigInt(tx.amount), tx.currency),
            name: tx.counterparty?.name ?? '',
          })
        }
        onAgain={() => {
          dispatch({ type: 'reset', draft: { id: '' } })
          void queries.invalidateQueries({ queryKey: ['withdrawals'] })
        }}
        onBack={() => dispatch({ type: 'back' })}
        onHome={onHome}
      />
    )
  const items = q.data?.ok ? q.data.value : []
  return (
    <Screen title={t('withdrawals.title')} onBack={onHome}>
      <Problem message={q.data && !q.data.ok ? q.data.message : null} />
      {q.data?.ok && !items.length && <p className="hint">{t('withdrawals.none')}</p>}
      <ul className="cards">
        {items.map((w) => (
          <li key={w.id}>
            <span>
              {w.counterparty?.name} {w.counterparty?.phone}
            </span>
            <Money minor={w.amount} currency={w.currency} />
            <span>{w.reference}</span>
            <button
              type="button"
              className="primary"
              onClick={() => {
                dispatch({ type: 'edit', draft: { id: w.id } })
                dispatch({ type: 'review', name: w.counterparty?.name ?? '' })
              }}
            >
              {t('withdrawals.handOver')}
            </button>
          </li>
        ))}
      </ul>
      {state.step === 'confirming' && (
        <div className="actions">
          <button type="button" className="ghost" onClick={() => dispatch({ type: 'back' })}>
            {t('app.back')}
          </button>
          <button type="button" className="primary" autoFocus onClick={() => void submit()}>
            {t('flow.confirm')}
          </button>
        </div>
      )}
    </Screen>
  )
}
