import { useMutation, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApp } from '../app/context'
import { saveBlob } from '../ui/actions'
import { Select } from '../ui/forms'
import { DateTime, Money, todayIn } from '../ui/format'
import { useDisplay } from '../ui/settings'
import { describeProblem, QueryView } from '../ui/states'
import type { Answer } from '../app/answers'

export const reportNames = [
  'daily-transactions',
  'agent-commissions',
  'merchant-settlements',
  'trial-balance',
] as const

const titles: Record<string, string> = {
  'daily-transactions': 'Daily transactions',
  'agent-commissions': 'Agent commissions',
  'merchant-settlements': 'Merchant settlements',
  'trial-balance': 'Trial balance',
}

// Amount columns in minor units: shown in the currency's units on screen; the CSV keeps minor units.
const moneyColumns = new Set([
  'amount',
  'fee',
  'debits',
  'credits',
  'balance',
  'commission_earned',
  'commission_paid_out',
])
const numberColumns = new Set(['transactions'])

type Report = Answer<'/v1/admin/reports/{name}'>

export function ReportsPage() {
  const { t } = useTranslation()
  const { api } = useApp()
  const { timeZone } = useDisplay()
  const [name, setName] = useState<string>('daily-transactions')
  const [date, setDate] = useState(todayIn(timeZone))
  const q = useQuery({
    queryKey: ['reports', name, date],
    queryFn: () => api.get<Report>(`/v1/admin/reports/${name}`, { date }),
    enabled: /^\d{4}-\d{2}-\d{2}$/.test(date),
  })
  const download = useMutation({
    mutationFn: async () =>
      saveBlob(await api.blob(`/v1/admin/reports/${name}.csv`, { date }), `${name}-${date}.csv`),
  })
  return (
    <>
      <h1>{t('Reports')}</h1>
      <div className="toolbar">
        <Select
          label={t('Report')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          options={reportNames.map((n) => ({ value: n, label: t(titles[n]!) }))}
        />
        <div className="field">
          <label htmlFor="report-date">{t('Day')}</label>
          <input id="report-date" type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        </div>
        <button type="button" onClick={() => download.mutate()} disabled={download.isPending}>
          {t('Download CSV')}
        </button>
      </div>
      {download.error && (
        <p className="error-text" role="alert">
          {describeProblem(download.error, t)}
        </p>
      )}
      <QueryView query={q} isEmpty={(r) => r.rows.length === 0} empty={t('Nothing on this day.')}>
        {(r) => (
          <div className="table-wrap">
            <table aria-label={t(titles[r.name] ?? r.name)}>
              <thead>
                <tr>
                  {r.columns.map((c) => (
                    <th
                      key={c}
                      scope="col"
                      className={moneyColumns.has(c) || numberColumns.has(c) ? 'num' : undefined}
                    >
                      {c.replace(/_/g, ' ')}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {r.rows.map((row, i) => (
                  <tr key={i}>
                    {row.map((v, j) => {
                      const column = r.columns[j] ?? ''
                      const money =
                        moneyColumns.has(column) && v !== null && v !== '' && /^-?\d+$/.test(String(v))
                      return (
                        <td key={j} className={money || numberColumns.has(column) ? 'num' : undefined}>
                          {money ? (
                            <Money minor={BigInt(String(v))} />
                          ) : column === 'created_at' && v ? (
                            <DateTime value={String(v)} seconds />
                          ) : (
                            (v ?? '')
                          )}
                        </td>
                      )
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryView>
    </>
  )
}
