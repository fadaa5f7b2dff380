import { Fragment, useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { gopay } from '../bridge'
import { Money, Problem, Screen } from '../ui'

/** The Z-report of the day: shown, and printed on demand. */
export function EndOfDayScreen({ onHome }: { onHome: () => void }) {
  const { t } = useTranslation()
  const q = useQuery({ queryKey: ['z-report'], queryFn: () => gopay.endOfDay.report() })
  const [note, setNote] = useState<string | null>(null)
  const z = q.data?.ok ? q.data.value : null
  return (
    <Screen title={t('endOfDay.title')} onBack={onHome}>
      <Problem message={q.data && !q.data.ok ? q.data.message : null} />
      {z && (
        <dl className="totals" data-testid="z-report">
          <dt>{z.date}</dt>
          <dd />
          <dt>
            {t('endOfDay.sales')} ({z.sales.count})
          </dt>
          <dd>
            <Money minor={z.sales.total} currency={z.currency} />
          </dd>
          {Object.entries(z.byMethod).map(([m, v]) => (
            <Fragment key={m}>
              <dt>
                &nbsp;&nbsp;{m} ({v.count})
              </dt>
              <dd>
                <Money minor={v.total} currency={z.currency} />
              </dd>
            </Fragment>
          ))}
          <dt>
            {t('endOfDay.refunds')} ({z.refunds.count})
          </dt>
          <dd>
            <Money minor={z.refunds.total} currency={z.currency} />
          </dd>
          <dt>{t('endOfDay.fees')}</dt>
          <dd>
            <Money minor={z.fees} currency={z.currency} />
          </dd>
          <dt>{t('endOfDay.net')}</dt>
          <dd>
            <strong>
              <Money minor={z.net} currency={z.currency} />
            </strong>
          </dd>
        </dl>
      )}
      {note && <p role="status">{note}</p>}
      <button
        type="button"
        className="primary"
        autoFocus
        onClick={async () => {
          const r = await gopay.endOfDay.print()
          setNote(r.ok ? t('endOfDay.printed') : r.message)
        }}
      >
        {t('endOfDay.print')}
      </button>
    </Screen>
  )
}
