import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import { formatAmount } from '@gopay/vocabulary'
import { useApp } from '../app/context'
import { kindLabel } from '../transactions/Page'
import { Section, StatusBadge } from '../ui/forms'
import { Money, todayIn } from '../ui/format'
import { useDisplay } from '../ui/settings'
import { Empty, QueryView } from '../ui/states'
import type { Answer } from '../app/answers'

type Figures = Dashboard['today']

type Dashboard = Answer<'/v1/admin/dashboard'>

export function DashboardPage() {
  const { t } = useTranslation()
  const { api } = useApp()
  const { timeZone } = useDisplay()
  const today = todayIn(timeZone)
  const weekAgo = todayIn(timeZone, new Date(Date.now() - 6 * 86400_000))
  const [from, setFrom] = useState(weekAgo)
  const [to, setTo] = useState(today)
  const q = useQuery({
    queryKey: ['dashboard', from, to],
    queryFn: () => api.get<Dashboard>('/v1/admin/dashboard', { from, to }),
    refetchInterval: 30_000,
  })
  return (
    <>
      <h1>{t('Dashboard')}</h1>
      <QueryView query={q}>
        {(d) => (
          <>
            <FiguresView title={t('Today')} f={d.today} />
            <Section
              title={t('Period')}
              actions={
                <div className="row">
                  <div className="field small">
                    <label htmlFor="dash-from">{t('From date')}</label>
                    <input
                      id="dash-from"
                      type="date"
                      value={from}
                      max={to}
                      onChange={(e) => setFrom(e.target.value)}
                    />
                  </div>
                  <div className="field small">
                    <label htmlFor="dash-to">{t('To date')}</label>
                    <input
                      id="dash-to"
                      type="date"
                      value={to}
                      min={from}
                      onChange={(e) => setTo(e.target.value)}
                    />
                  </div>
                </div>
              }
            >
              <FiguresView f={d.period} bare />
            </Section>
            <Section title={t('Agent float')}>
              <p>
                {t('{{n}} agents, {{below}} below their float threshold.', {
                  n: d.agents.count,
                  below: d.agents.belowThreshold,
                })}
              </p>
              {d.agents.positions.length === 0 ? (
                <Empty>{t('No agents.')}</Empty>
              ) : (
                <table aria-label={t('Agent float positions')}>
                  <thead>
                    <tr>
                      <th>{t('Agent')}</th>
                      <th className="num">{t('Float')}</th>
                      <th className="num">{t('Threshold')}</th>
                      <th>{t('State')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {d.agents.positions.map((a) => (
                      <tr key={a.id} className={a.belowThreshold ? 'warn' : undefined}>
                        <td>
                          <Link to={`/agents/${a.id}`}>
                            {a.code} · {a.businessName}
                          </Link>
                        </td>
                        <td className="num">
                          <Money minor={a.floatBalance} currency={d.today.currency} />
                        </td>
                        <td className="num">
                          <Money minor={a.floatThreshold} />
                        </td>
                        <td>
                          {a.belowThreshold ? (
                            <StatusBadge status="below_threshold" />
                          ) : (
                            <StatusBadge status="ok" />
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </Section>
          </>
        )}
      </QueryView>
    </>
  )
}

/** The figures of a day or a period: tiles, then the chart with its numbers beside it. */
function FiguresView({ title, f, bare }: { title?: string; f: Figures; bare?: boolean }) {
  const { t } = useTranslation()
  const count = f.byType.reduce((s, x) => s + x.count, 0)
  const value = f.byType.reduce((s, x) => s + x.value, 0)
  const body = (
    <>
      <div className="tiles">
        <Tile label={t('Transactions')} value={String(count)} />
        <Tile label={t('Value')} value={<Money minor={value} currency={f.currency} />} />
        <Tile label={t('Fees earned')} value={<Money minor={f.feesEarned} currency={f.currency} />} />
        <Tile label={t('Active users')} value={String(f.activeUsers)} />
        <Tile label={t('Registrations')} value={String(f.registrations)} />
        <Tile label={t('Failed')} value={String(f.failed)} warn={f.failed > 0} />
        <Tile label={t('Pending')} value={String(f.pending)} />
      </div>
      {f.byType.length === 0 ? (
        <Empty>{t('No transactions.')}</Empty>
      ) : (
        <div className="chart-and-table">
          <div className="chart" aria-hidden>
            <ResponsiveContainer width="100%" height={220}>
              <BarChart
                data={f.byType.map((x) => ({ ...x, label: t(kindLabel(x.type)), major: x.value / 100 }))}
              >
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="label" tick={{ fontSize: 11 }} interval={0} />
                <YAxis
                  tick={{ fontSize: 11 }}
                  width={80}
                  tickFormatter={(v: number) => v.toLocaleString('en')}
                />
                <Tooltip formatter={(v) => formatAmount(Math.round(Number(v) * 100))} />
                <Bar dataKey="major" name={t('Value')} fill="#1f6f5c" />
              </BarChart>
            </ResponsiveContainer>
          </div>
          <table aria-label={title ? t('{{title}} by type', { title }) : t('Period by type')}>
            <thead>
              <tr>
                <th>{t('Type')}</th>
                <th className="num">{t('Count')}</th>
                <th className="num">{t('Value')}</th>
              </tr>
            </thead>
            <tbody>
              {f.byType.map((x) => (
                <tr key={x.type}>
                  <td>{t(kindLabel(x.type))}</td>
                  <td className="num">{x.count}</td>
                  <td className="num">
                    <Money minor={x.value} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  )
  return bare ? body : <Section title={title ?? ''}>{body}</Section>
}

function Tile({ label, value, warn }: { label: string; value: React.ReactNode; warn?: boolean }) {
  return (
    <div className={warn ? 'tile warn' : 'tile'}>
      <div className="tile-label">{label}</div>
      <div className="tile-value">{value}</div>
    </div>
  )
}
