import { useQuery, useQueryClient } from '@tanstack/react-query'
import type { ColumnDef } from '@tanstack/react-table'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams } from 'react-router'
import { useApp } from '../app/context'
import { Terminals } from '../terminals/Terminals'
import { kindLabel } from '../transactions/Page'
import { ActionButton } from '../ui/actions'
import { CursorTable } from '../ui/CursorTable'
import { EntityForm, type FieldSpec } from '../ui/EntityForm'
import { Facts, Section, Select, StatusBadge } from '../ui/forms'
import { DateTime, Money } from '../ui/format'
import { QueryView } from '../ui/states'
import type { Row } from '../app/answers'

type Agent = Row<'/v1/admin/agents'>

function useTariffs() {
  const { api } = useApp()
  return useQuery({
    queryKey: ['commission-tariffs'],
    queryFn: () =>
      api.get<{ items: { code: string; name: string; shareBps: number }[] }>('/v1/admin/commission-tariffs'),
    staleTime: 300_000,
  })
}

function agentFields(
  t: (s: string) => string,
  tariffs: { code: string; name: string }[],
  create: boolean,
): FieldSpec[] {
  return [
    ...(create ? [{ name: 'phone', label: t('Phone'), kind: 'tel' as const, required: true }] : []),
    { name: 'businessName', label: t('Business name'), required: create },
    { name: 'location', label: t('Location'), required: create },
    { name: 'bankAccount', label: t('Bank account'), required: create },
    { name: 'floatThreshold', label: t('Float threshold'), kind: 'money', required: create },
    {
      name: 'commissionTariff',
      label: t('Commission tariff'),
      kind: 'select',
      options: tariffs.map((x) => ({ value: x.code, label: x.name })),
    },
    ...(create ? [{ name: 'pin', label: t('Agent PIN'), kind: 'password' as const, required: true }] : []),
  ]
}

export function AgentsPage() {
  const { t } = useTranslation()
  const { api, can } = useApp()
  const navigate = useNavigate()
  const qc = useQueryClient()
  const tariffs = useTariffs()
  const [q, setQ] = useState('')
  const [status, setStatus] = useState('')
  const [below, setBelow] = useState(false)
  const [onboarding, setOnboarding] = useState(false)
  const columns: ColumnDef<Agent, unknown>[] = [
    {
      header: t('Code'),
      cell: ({ row }) => <Link to={`/agents/${row.original.id}`}>{row.original.code}</Link>,
    },
    { header: t('Business'), accessorKey: 'businessName' },
    { header: t('Phone'), accessorKey: 'phone' },
    { header: t('Location'), accessorKey: 'location' },
    {
      header: t('Float'),
      meta: { className: 'num' },
      cell: ({ row }) => <Money minor={row.original.floatBalance} />,
    },
    {
      header: t('Threshold'),
      meta: { className: 'num' },
      cell: ({ row }) => (
        <span className={row.original.belowThreshold ? 'warn-text' : undefined}>
          <Money minor={row.original.floatThreshold} />
        </span>
      ),
    },
    { header: t('Status'), cell: ({ row }) => <StatusBadge status={row.original.status} /> },
  ]
  return (
    <>
      <h1>{t('Agents')}</h1>
      <div className="toolbar">
        <div className="field grow">
          <label htmlFor="agent-q">{t('Code, name or phone')}</label>
          <input id="agent-q" value={q} onChange={(e) => setQ(e.target.value)} />
        </div>
        <Select
          label={t('Status')}
          value={status}
          onChange={(e) => setStatus(e.target.value)}
          options={[
            { value: '', label: t('Any') },
            ...['active', 'suspended'].map((s) => ({ value: s, label: t(s) })),
          ]}
        />
        <label className="inline">
          <input type="checkbox" checked={below} onChange={(e) => setBelow(e.target.checked)} />{' '}
          {t('Below float threshold')}
        </label>
        {can('agents:manage') && (
          <button type="button" onClick={() => setOnboarding((o) => !o)}>
            {t('Onboard agent')}
          </button>
        )}
      </div>
      {onboarding && (
        <Section title={t('Onboard agent')}>
          <QueryView query={tariffs}>
            {(d) => (
              <EntityForm
                title={t('Onboard agent')}
                fields={agentFields(t, d.items, true)}
                submitLabel={t('Create agent')}
                onSubmit={(body) => api.post<Agent>('/v1/admin/agents', body)}
                onDone={(a) => {
                  void qc.invalidateQueries({ queryKey: ['agents'] })
                  void navigate(`/agents/${(a as Agent).id}`)
                }}
              />
            )}
          </QueryView>
        </Section>
      )}
      <CursorTable
        label={t('Agents')}
        queryKey={['agents', { q, status, below }]}
        fetchPage={(cursor) =>
          api.get('/v1/admin/agents', { q, status, belowThreshold: below || undefined, cursor })
        }
        columns={columns}
        onRowClick={(a) => void navigate(`/agents/${a.id}`)}
        empty={t('No agents match.')}
      />
    </>
  )
}

export function AgentPage() {
  const { t } = useTranslation()
  const { api, can } = useApp()
  const { id = '' } = useParams()
  const qc = useQueryClient()
  const tariffs = useTariffs()
  const q = useQuery({ queryKey: ['agents', id], queryFn: () => api.get<Agent>(`/v1/admin/agents/${id}`) })
  const keys = [['agents']]
  return (
    <QueryView query={q}>
      {(a) => (
        <>
          <h1>
            {a.code} · {a.businessName} <StatusBadge status={a.status} />
          </h1>
          <div className="grid two">
            <Section
              title={t('Agent')}
              actions={
                can('agents:manage') &&
                (a.status === 'suspended' ? (
                  <ActionButton
                    label={t('Reactivate')}
                    run={() => api.post(`/v1/admin/agents/${id}/reactivate`)}
                    invalidate={keys}
                  />
                ) : (
                  <ActionButton
                    label={t('Suspend')}
                    danger
                    reason={t('Reason')}
                    run={(reason) => api.post(`/v1/admin/agents/${id}/suspend`, { reason })}
                    invalidate={keys}
                  />
                ))
              }
            >
              <Facts
                rows={[
                  [t('Phone'), a.phone],
                  [t('Location'), a.location ?? '—'],
                  [t('Bank account'), a.bankAccount ?? '—'],
                  [t('Float'), <Money key="f" minor={a.floatBalance} />],
                  [t('Float threshold'), <Money key="t" minor={a.floatThreshold} />],
                  [t('Commission tariff'), a.commissionTariff],
                  [t('Since'), <DateTime key="c" value={a.createdAt} />],
                ]}
              />
            </Section>
            {can('agents:manage') && (
              <Section title={t('Edit')}>
                <QueryView query={tariffs}>
                  {(d) => (
                    <EntityForm
                      key={a.id + a.businessName + a.floatThreshold}
                      title={t('Edit agent')}
                      partial
                      fields={agentFields(t, d.items, false)}
                      start={a as unknown as Record<string, unknown>}
                      submitLabel={t('Save changes')}
                      onSubmit={(body) => api.request('PATCH', `/v1/admin/agents/${id}`, { body })}
                      onDone={() => void qc.invalidateQueries({ queryKey: ['agents'] })}
                    />
                  )}
                </QueryView>
              </Section>
            )}
          </div>
          <Terminals owner={{ agentCode: a.code }} />
          <div className="grid two">
            <Section title={t('Float statement')}>
              <CursorTable
                label={t('Float statement')}
                queryKey={['agents', id, 'float']}
                fetchPage={(cursor) => api.get(`/v1/admin/agents/${id}/float-statement`, { cursor })}
                empty={t('No float movements yet.')}
                columns={
                  [
                    { header: t('When'), cell: ({ row }) => <DateTime value={row.original.createdAt} /> },
                    { header: t('Type'), cell: ({ row }) => t(kindLabel(row.original.type)) },
                    {
                      header: t('Amount'),
                      meta: { className: 'num' },
                      cell: ({ row }) => <Money minor={row.original.amount} />,
                    },
                    {
                      header: t('Balance'),
                      meta: { className: 'num' },
                      cell: ({ row }) => <Money minor={row.original.balanceAfter} />,
                    },
                  ] as ColumnDef<
                    { createdAt: string; type: string; amount: number; balanceAfter: number },
                    unknown
                  >[]
                }
              />
            </Section>
            <Section title={t('Commission statement')}>
              <CursorTable
                label={t('Commission statement')}
                queryKey={['agents', id, 'commission']}
                fetchPage={(cursor) => api.get(`/v1/admin/agents/${id}/commission-statement`, { cursor })}
                empty={t('No commission earned yet.')}
                columns={
                  [
                    { header: t('When'), cell: ({ row }) => <DateTime value={row.original.createdAt} /> },
                    { header: t('Type'), cell: ({ row }) => t(kindLabel(row.original.type)) },
                    {
                      header: t('Amount'),
                      meta: { className: 'num' },
                      cell: ({ row }) => <Money minor={row.original.amount} />,
                    },
                    {
                      header: t('Commission'),
                      meta: { className: 'num' },
                      cell: ({ row }) => <Money minor={row.original.commission} />,
                    },
                  ] as ColumnDef<
                    { createdAt: string; type: string; amount: number; commission: number },
                    unknown
                  >[]
                }
              />
            </Section>
          </div>
        </>
      )}
    </QueryView>
  )
}
