import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { gopay } from '../bridge'
import { Money } from '../ui'

/** The agent's float, always in view, with a warning when it runs low. */
export function FloatBar() {
  const { t } = useTranslation()
  const q = useQuery({ queryKey: ['float'], queryFn: () => gopay.float.balance(), refetchInterval: 15_000 })
  const f = q.data?.ok ? q.data.value : null
  return (
    <div className={`float-bar ${f?.low ? 'low' : ''}`} data-testid="float">
      {t('float.label')}: {f ? <Money minor={f.balance} currency={f.currency} /> : '…'}
      {f?.low && <strong role="alert"> — {t('float.low')}</strong>}
    </div>
  )
}
