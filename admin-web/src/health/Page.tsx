import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { useApp } from '../app/context'
import { Facts, Section, StatusBadge } from '../ui/forms'
import { DateTime } from '../ui/format'
import { Empty, QueryView } from '../ui/states'
import type { Answer } from '../app/answers'

type Health = Answer<'/v1/admin/health'>

export function uptime(s: number): string {
  const d = Math.floor(s / 86400)
  const h = Math.floor((s % 86400) / 3600)
  const m = Math.floor((s % 3600) / 60)
  return d ? `${d}d ${h}h ${m}m` : h ? `${h}h ${m}m` : `${m}m ${Math.floor(s % 60)}s`
}

export function HealthPage() {
  const { t } = useTranslation()
  const { api } = useApp()
  const q = useQuery({
    queryKey: ['health'],
    queryFn: () => api.get<Health>('/v1/admin/health'),
    refetchInterval: 10_000,
  })
  const ok = (b: boolean | null) => <StatusBadge status={b === null ? 'unknown' : b ? 'ok' : 'down'} />
  return (
    <>
      <h1>{t('System health')}</h1>
      <QueryView query={q}>
        {(h) => (
          <>
            <p>
              {t('Overall')}: <StatusBadge status={h.status} /> · {t('version')} {h.version} · {t('up')}{' '}
              {uptime(h.uptimeSeconds)}
            </p>
            <div className="grid three">
              <Section title={t('Database')}>
                <Facts
                  rows={[
                    [t('State'), ok(h.database.ok)],
                    [t('Latency'), `${h.database.latencyMs} ms`],
                  ]}
                />
              </Section>
              <Section title={t('Redis and queue')}>
                <Facts
                  rows={[
                    [
                      t('Redis'),
                      h.redis.configured ? ok(h.redis.ok) : t('not configured (jobs run in-process)'),
                    ],
                    [t('Queue depth'), String(h.queue.depth)],
                    [t('Failed jobs'), String(h.queue.failed)],
                    [
                      t('Oldest waiting'),
                      h.queue.oldestPendingSeconds == null ? '—' : `${h.queue.oldestPendingSeconds} s`,
                    ],
                  ]}
                />
              </Section>
              <Section title={t('API')}>
                <Facts
                  rows={[
                    [t('Requests'), String(h.api.requests)],
                    [t('Errors'), String(h.api.errors)],
                    [t('Error rate'), `${(h.api.errorRate * 100).toFixed(2)} %`],
                    [t('Latency p95'), h.api.p95LatencyMs == null ? '—' : `${h.api.p95LatencyMs} ms`],
                  ]}
                />
              </Section>
            </div>
            <Section title={t('Partners')}>
              {h.partners.length === 0 ? (
                <Empty>{t('No partners configured.')}</Empty>
              ) : (
                <table aria-label={t('Partners')}>
                  <thead>
                    <tr>
                      <th>{t('Partner')}</th>
                      <th>{t('State')}</th>
                      <th className="num">{t('Calls')}</th>
                      <th className="num">{t('Failures')}</th>
                      <th className="num">{t('Pending')}</th>
                      <th>{t('Last call')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {h.partners.map((p) => (
                      <tr key={p.name}>
                        <td>{p.name}</td>
                        <td>
                          <StatusBadge status={p.state} />
                        </td>
                        <td className="num">{p.calls}</td>
                        <td className="num">{p.failures}</td>
                        <td className="num">{p.pending}</td>
                        <td>
                          <DateTime value={p.lastCallAt} />
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
