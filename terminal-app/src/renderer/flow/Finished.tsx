import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Transaction } from '../../bridge/contract'
import { gopay } from '../bridge'
import { Problem, Screen } from '../ui'
import type { FlowState } from './flow'

/** The end of a money flow: sending, checking (never "try again"), done with its reference, or refused. */
export function Finished<D>({
  title,
  state,
  doneText,
  onAgain,
  onBack,
  onHome,
}: {
  title: string
  state: FlowState<D>
  doneText: (t: Transaction) => string
  onAgain: () => void
  onBack: () => void
  onHome: () => void
}) {
  const { t } = useTranslation()
  const [printNote, setPrintNote] = useState<string | null>(null)
  if (state.step === 'submitting')
    return (
      <Screen title={title}>
        <p className="status-line" role="status" aria-busy="true">
          {t('flow.sending')}
        </p>
      </Screen>
    )
  if (state.step === 'checking')
    return (
      <Screen title={title}>
        <p className="status-line checking" role="status" aria-busy="true">
          {t('flow.checking', { attempt: state.attempt })}
        </p>
      </Screen>
    )
  if (state.step === 'done')
    return (
      <Screen title={title} onBack={onHome}>
        <div className="done" role="status">
          <p className="done-mark">✓ {t('flow.done')}</p>
          <p>{doneText(state.transaction)}</p>
          <p className="reference">
            {t('flow.reference')}: <strong data-testid="reference">{state.transaction.reference}</strong>
          </p>
          <div className="actions">
            <button
              type="button"
              className="ghost"
              onClick={async () => {
                const r = await gopay.printing.reprint({ transactionId: state.transaction.id })
                setPrintNote(r.ok ? null : r.message)
              }}
            >
              {t('flow.printAgain')}
            </button>
            <button type="button" className="primary" autoFocus onClick={onAgain}>
              {t('flow.again')}
            </button>
          </div>
          <Problem message={printNote} />
        </div>
      </Screen>
    )
  if (state.step === 'refused')
    return (
      <Screen title={title} onBack={onBack}>
        <div className="refused">
          <p className="refused-mark">✗ {t('flow.refused')}</p>
          <Problem message={state.message} />
          <div className="actions">
            <button type="button" className="ghost" onClick={onHome}>
              {t('app.home')}
            </button>
            <button type="button" className="primary" autoFocus onClick={onBack}>
              {t('app.back')}
            </button>
          </div>
        </div>
      </Screen>
    )
  return null
}
