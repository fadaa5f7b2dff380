import { useQuery, useQueryClient } from '@tanstack/react-query'
import type { ColumnDef } from '@tanstack/react-table'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams } from 'react-router'
import { useApp } from '../app/context'
import { Terminals } from '../terminals/Terminals'
import { ActionButton } from '../ui/actions'
import { CursorTable } from '../ui/CursorTable'
import { EntityForm, type FieldSpec } from '../ui/EntityForm'
import { Facts, Section, StatusBadge } from '../ui/forms'
import { DateTime, Money } from '../ui/format'
import { QueryView } from '../ui/states'
import type { Row } from '../app/answers'

type Merchant = Row<'/v1/admin/merchants'>

const merchantFields = (t: (s: string) => string, create: boolean): FieldSpec[] => [
  ...(create ? [{ name: 'phone', label: t('Phone'), kind: 'tel' as const, required: true }] : []),
  { name: 'businessName', label: t('Business name'), required: create },
  { name: 'categoryCode', label: t('Category code (MCC)'), required: create },
  { name: 'city', label: t('City'), required: create },
  { name: 'settlementBankAccount', label: t('Settlement bank account'), required: create },
  ...(create ? [{ name: 'pin', label: t('Merchant PIN'), kind: 'password' as const, required: true }] : []),
]

export function MerchantsPage() {
  const { t } = useTranslation()
  const { api, can } = useApp()
  const navigate = useNavigate()
  const qc = useQueryClient()
  const [q, setQ] = useState('')
  const [creating, setCreating] = useState(false)
  const columns: ColumnDef<Merchant, unknown>[] = [
    {
      header: t('Code'),
      cell: ({ row }) => <Link to={`/merchants/${row.original.id}`}>{row.original.code}</Link>,
    },
    { header: t('Business'), accessorKey: 'businessName' },
    { header: t('City'), accessorKey: 'city' },
    { header: t('Tills'), cell: ({ row }) => row.original.tills.map((x) => x.code).join(', ') },
    {
      header: t('Balance'),
      meta: { className: 'num' },
      cell: ({ row }) => <Money minor={row.original.balance} />,
    },
    { header: t('Status'), cell: ({ row }) => <StatusBadge status={row.original.status} /> },
  ]
  return (
    <>
      <h1>{t('Merchants')}</h1>
      <div className="toolbar">
        <div className="field grow">
          <label htmlFor="merchant-q">{t('Code, name or phone')}</label>
          <input id="merchant-q" value={q} onChange={(e) => setQ(e.target.value)} />
        </div>
        {can('merchants:manage') && (
          <button type="button" onClick={() => setCreating((c) => !c)}>
            {t('New merchant')}
          </button>
        )}
      </div>
      {creating && (
        <Section title={t('New merchant')}>
          <EntityForm
            title={t('New merchant')}
            fields={merchantFields(t, true)}
            submitLabel={t('Create merchant')}
            onSubmit={(body) => api.post<Merchant>('/v1/admin/merchants', body)}
            onDone={(m) => {
              void qc.invalidateQueries({ queryKey: ['merchants'] })
              void navigate(`/merchants/${(m as Merchant).id}`)
            }}
          />
        </Section>
      )}
      <CursorTable
        label={t('Merchants')}
        queryKey={['merchants', q]}
        fetchPage={(cursor) => api.get('/v1/admin/merchants', { q, cursor })}
        columns={columns}
        onRowClick={(m) => void navigate(`/merchants/${m.id}`)}
        empty={t('No merchants match.')}
      />
    </>
  )
}

export function MerchantPage() {
  const { t } = useTranslation()
  const { api, can } = useApp()
  const { id = '' } = useParams()
  const qc = useQueryClient()
  const q = useQuery({
    queryKey: ['merchants', id],
    queryFn: () => api.get<Merchant>(`/v1/admin/merchants/${id}`),
  })
  const keys = [['merchants']]
  return (
    <QueryView query={q}>
      {(m) => (
        <>
          <h1>
            {m.code} · {m.businessName} <StatusBadge status={m.status} />
          </h1>
          <div className="grid two">
            <Section
              title={t('Merchant')}
              actions={
                can('merchants:manage') &&
                (m.status === 'suspended' ? (
                  <ActionButton
                    label={t('Reactivate')}
                    run={() => api.post(`/v1/admin/merchants/${id}/reactivate`)}
                    invalidate={keys}
                  />
                ) : (
                  <ActionButton
                    label={t('Suspend')}
                    danger
                    reason={t('Reason')}
                    run={(reason) => api.post(`/v1/admin/merchants/${id}/suspend`, { reason })}
                    invalidate={keys}
                  />
                ))
              }
            >
              <Facts
                rows={[
                  [t('Phone'), m.phone],
                  [t('Category code (MCC)'), m.categoryCode],
                  [t('City'), m.city],
                  [t('Settlement bank account'), m.settlementBankAccount ?? '—'],
                  [t('Balance'), <Money key="b" minor={m.balance} />],
                  [t('Tills'), m.tills.map((x) => x.code).join(', ') || '—'],
                  [t('Since'), <DateTime key="c" value={m.createdAt} />],
                ]}
              />
            </Section>
            {can('merchants:manage') && (
              <Section title={t('Edit')}>
                <EntityForm
                  key={m.id + m.businessName + m.city}
                  title={t('Edit merchant')}
                  partial
                  fields={merchantFields(t, false)}
                  start={m as unknown as Record<string, unknown>}
                  submitLabel={t('Save changes')}
                  onSubmit={(body) => api.request('PATCH', `/v1/admin/merchants/${id}`, { body })}
                  onDone={() => void qc.invalidateQueries({ queryKey: ['merchants'] })}
                />
              </Section>
            )}
          </div>
          {m.tills.map((till) => (
            <Terminals key={till.code} owner={{ tillCode: till.code }} />
          ))}
          <Section title={t('Settlements')}>
            <CursorTable
              label={t('Settlements')}
              queryKey={['merchants', id, 'settlements']}
              fetchPage={(cursor) => api.get(`/v1/admin/merchants/${id}/settlements`, { cursor })}
              columns={
                [
                  { header: t('When'), cell: ({ row }) => <DateTime value={row.original.createdAt} /> },
                  {
                    header: t('Amount'),
                    meta: { className: 'num' },
                    cell: ({ row }) => <Money minor={row.original.amount} />,
                  },
                  { header: t('Bank account'), accessorKey: 'bankAccount' },
                  { header: t('Status'), cell: ({ row }) => <StatusBadge status={row.original.status} /> },
                  {
                    header: t('Transaction'),
                    cell: ({ row }) => (
                      <Link to={`/transactions/${row.original.transactionId}`}>
                        {row.original.transactionId.slice(0, 8)}
                      </Link>
                    ),
                  },
                ] as ColumnDef<
                  {
                    transactionId: string
                    amount: number
                    status: string
                    bankAccount: string
                    createdAt: string
                  },
                  unknown
                >[]
              }
              empty={t('No settlements yet.')}
            />
          </Section>
        </>
      )}
    </QueryView>
  )
}
