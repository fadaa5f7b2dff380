import { transactionKinds } from '@gopay/vocabulary'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import type { ColumnDef } from '@tanstack/react-table'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useApp } from '../app/context'
import { kindLabel } from '../transactions/Page'
import { CursorTable } from '../ui/CursorTable'
import { EntityForm } from '../ui/EntityForm'
import { Section, Select, StatusBadge } from '../ui/forms'
import { DateTime, Money } from '../ui/format'
import { QueryView } from '../ui/states'
import type { Row } from '../app/answers'

type Tariff = Row<'/v1/admin/tariffs'>

type Limit = Row<'/v1/admin/limits'>

type HistoryRow = Row<'/v1/admin/tariff-history'>

const bps = (n: number) => `${(n / 100).toFixed(2)} %`

export function TariffsPage() {
  const { t } = useTranslation()
  const { api, can } = useApp()
  const [type, setType] = useState('')
  const [historyKind, setHistoryKind] = useState('tariff')
  const tariffs = useQuery({
    queryKey: ['tariffs', 'now', type],
    queryFn: () => api.get<{ items: Tariff[] }>('/v1/admin/tariffs', { type }),
  })
  const limits = useQuery({
    queryKey: ['tariffs', 'limits'],
    queryFn: () => api.get<{ items: Limit[] }>('/v1/admin/limits'),
  })
  const history: ColumnDef<HistoryRow, unknown>[] = [
    { header: t('Takes effect'), cell: ({ row }) => <DateTime value={row.original.effectiveAt} /> },
    { header: t('What'), cell: ({ row }) => <code>{row.original.key}</code> },
    {
      header: t('State'),
      cell: ({ row }) =>
        row.original.applied ? (
          <span>
            <StatusBadge status="applied" /> <DateTime value={row.original.appliedAt} />
          </span>
        ) : (
          <StatusBadge status="scheduled" />
        ),
    },
    {
      header: t('Before'),
      cell: ({ row }) => <code className="details">{JSON.stringify(row.original.before)}</code>,
    },
    {
      header: t('After'),
      cell: ({ row }) => <code className="details">{JSON.stringify(row.original.after)}</code>,
    },
  ]
  return (
    <>
      <h1>{t('Tariffs and limits')}</h1>
      <p className="muted">
        {t(
          'Changes are requested here and take effect at the stated time once a second admin approves them in',
        )}{' '}
        <Link to="/approvals">{t('Approvals')}</Link>.
      </p>
      <Section
        title={t('Fees in force')}
        actions={
          <Select
            label={t('Type')}
            value={type}
            onChange={(e) => setType(e.target.value)}
            options={[
              { value: '', label: t('Any') },
              ...transactionKinds.map((k) => ({ value: k, label: t(kindLabel(k)) })),
            ]}
          />
        }
      >
        <QueryView query={tariffs} isEmpty={(d) => d.items.length === 0} empty={t('No tariffs.')}>
          {(d) => (
            <table aria-label={t('Fees in force')}>
              <thead>
                <tr>
                  <th>{t('Type')}</th>
                  <th className="num">{t('From amount')}</th>
                  <th className="num">{t('To amount')}</th>
                  <th className="num">{t('Fixed fee')}</th>
                  <th className="num">{t('Fee rate')}</th>
                  <th className="num">{t('Fixed commission')}</th>
                  <th className="num">{t('Commission rate')}</th>
                </tr>
              </thead>
              <tbody>
                {d.items.map((x) => (
                  <tr key={x.id}>
                    <td>{t(kindLabel(x.transactionType))}</td>
                    <td className="num">
                      <Money minor={x.minAmount} currency={x.currency} />
                    </td>
                    <td className="num">
                      <Money minor={x.maxAmount} />
                    </td>
                    <td className="num">
                      <Money minor={x.feeFixed} />
                    </td>
                    <td className="num">{bps(x.feeBps)}</td>
                    <td className="num">
                      <Money minor={x.commissionFixed} />
                    </td>
                    <td className="num">{bps(x.commissionBps)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </QueryView>
        {can('tariffs:change') && <TariffChange current={tariffs.data?.items ?? []} />}
      </Section>
      <Section title={t('Limits per KYC tier')}>
        <QueryView query={limits} isEmpty={(d) => d.items.length === 0} empty={t('No limits.')}>
          {(d) => (
            <table aria-label={t('Limits per KYC tier')}>
              <thead>
                <tr>
                  <th>{t('Tier')}</th>
                  <th className="num">{t('Per transaction')}</th>
                  <th className="num">{t('Daily')}</th>
                  <th className="num">{t('Monthly')}</th>
                  <th className="num">{t('Maximum balance')}</th>
                </tr>
              </thead>
              <tbody>
                {d.items.map((l) => (
                  <tr key={`${l.tier}-${l.currency}`}>
                    <td>{l.tier}</td>
                    <td className="num">
                      <Money minor={l.perTransaction} currency={l.currency} />
                    </td>
                    <td className="num">
                      <Money minor={l.daily} />
                    </td>
                    <td className="num">
                      <Money minor={l.monthly} />
                    </td>
                    <td className="num">
                      <Money minor={l.maxBalance} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </QueryView>
        {can('tariffs:change') && <LimitChange currency={limits.data?.items[0]?.currency ?? 'KES'} />}
      </Section>
      <Section
        title={t('History')}
        actions={
          <Select
            label={t('Kind')}
            value={historyKind}
            onChange={(e) => setHistoryKind(e.target.value)}
            options={[
              { value: 'tariff', label: t('Tariffs') },
              { value: 'limit', label: t('Limits') },
            ]}
          />
        }
      >
        <CursorTable
          label={t('Tariff and limit history')}
          queryKey={['tariffs', 'history', historyKind]}
          fetchPage={(cursor) => api.get('/v1/admin/tariff-history', { kind: historyKind, cursor })}
          columns={history}
          empty={t('No changes yet.')}
        />
      </Section>
    </>
  )
}

/** A new fee band for a transaction type, effective at a stated time (one band per request here). */
function TariffChange({ current }: { current: Tariff[] }) {
  const { t } = useTranslation()
  const { api } = useApp()
  const qc = useQueryClient()
  const currency = current[0]?.currency ?? 'KES'
  return (
    <details>
      <summary>{t('Request a tariff change')}</summary>
      <EntityForm
        title={t('Request a tariff change')}
        fields={[
          {
            name: 'transactionType',
            label: t('Type'),
            kind: 'select',
            options: transactionKinds.map((k) => ({ value: k, label: t(kindLabel(k)) })),
          },
          { name: 'minAmount', label: t('From amount'), kind: 'money', required: true },
          { name: 'maxAmount', label: t('To amount'), kind: 'money', required: true },
          { name: 'feeFixed', label: t('Fixed fee'), kind: 'money', required: true },
          { name: 'feeBps', label: t('Fee rate (basis points)'), kind: 'number', required: true },
          { name: 'commissionFixed', label: t('Fixed commission'), kind: 'money', required: true },
          {
            name: 'commissionBps',
            label: t('Commission rate (basis points)'),
            kind: 'number',
            required: true,
          },
          { name: 'effectiveAt', label: t('Takes effect at'), kind: 'datetime', required: true },
          { name: 'reason', label: t('Reason'), required: true },
        ]}
        start={{ feeBps: 0, commissionBps: 0 }}
        submitLabel={t('Request change')}
        onSubmit={(b) =>
          api.post('/v1/admin/tariff-changes', {
            transactionType: b.transactionType,
            currency,
            effectiveAt: b.effectiveAt,
            reason: b.reason,
            // The type's other bands stay as they are; this band replaces the one it overlaps.
            bands: [
              ...current
                .filter((x) => x.transactionType === b.transactionType)
                .filter((x) => x.maxAmount < Number(b.minAmount) || x.minAmount > Number(b.maxAmount))
                .map(({ minAmount, maxAmount, feeFixed, feeBps, commissionFixed, commissionBps }) => ({
                  minAmount,
                  maxAmount,
                  feeFixed,
                  feeBps,
                  commissionFixed,
                  commissionBps,
                })),
              {
                minAmount: b.minAmount,
                maxAmount: b.maxAmount,
                feeFixed: b.feeFixed,
                feeBps: b.feeBps,
                commissionFixed: b.commissionFixed,
                commissionBps: b.commissionBps,
              },
            ],
          })
        }
        onDone={() => void qc.invalidateQueries({ queryKey: ['approvals'] })}
      />
    </details>
  )
}

function LimitChange({ currency }: { currency: string }) {
  const { t } = useTranslation()
  const { api } = useApp()
  const qc = useQueryClient()
  return (
    <details>
      <summary>{t('Request a limit change')}</summary>
      <EntityForm
        title={t('Request a limit change')}
        fields={[
          {
            name: 'tier',
            label: t('Tier'),
            kind: 'select',
            options: ['1', '2', '3'].map((v) => ({ value: v, label: v })),
          },
          { name: 'perTransaction', label: t('Per transaction'), kind: 'money', required: true },
          { name: 'daily', label: t('Daily'), kind: 'money', required: true },
          { name: 'monthly', label: t('Monthly'), kind: 'money', required: true },
          { name: 'maxBalance', label: t('Maximum balance'), kind: 'money', required: true },
          { name: 'effectiveAt', label: t('Takes effect at'), kind: 'datetime', required: true },
          { name: 'reason', label: t('Reason'), required: true },
        ]}
        submitLabel={t('Request change')}
        onSubmit={(b) => api.post('/v1/admin/limit-changes', { ...b, tier: Number(b.tier), currency })}
        onDone={() => void qc.invalidateQueries({ queryKey: ['approvals'] })}
      />
    </details>
  )
}
