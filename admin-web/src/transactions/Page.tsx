import { parseAmount, transactionKinds, transactionStatuses } from '@gopay/vocabulary'
import { useQuery } from '@tanstack/react-query'
import type { ColumnDef } from '@tanstack/react-table'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams, useSearchParams } from 'react-router'
import { useApp } from '../app/context'
import { ApprovalList } from '../reversals/Page'
import { ActionButton } from '../ui/actions'
import { CursorTable } from '../ui/CursorTable'
import { Facts, Section, Select, StatusBadge } from '../ui/forms'
import { DateTime, Money } from '../ui/format'
import { Empty, QueryView } from '../ui/states'
import {
  getTransaction,
  listTransactions,
  requestReversal,
  reversalRequestsOf,
  transactionKeys,
  type TransactionFilters,
  type TransactionRow,
} from './queries'

export const kindLabel = (k: string) => k.replace(/_/g, ' ')

/** Transactions matching filters, newest first; used on its page and in a user's history. */
export function TransactionTable({ filters }: { filters: TransactionFilters }) {
  const { t } = useTranslation()
  const { api } = useApp()
  const navigate = useNavigate()
  const columns: ColumnDef<TransactionRow, unknown>[] = [
    { header: t('When'), cell: ({ row }) => <DateTime value={row.original.createdAt} /> },
    {
      header: t('Reference'),
      cell: ({ row }) => (
        <Link to={`/transactions/${row.original.id}`}>
          {row.original.reference ?? row.original.id.slice(0, 8)}
        </Link>
      ),
    },
    { header: t('Type'), cell: ({ row }) => t(kindLabel(row.original.type)) },
    { header: t('Status'), cell: ({ row }) => <StatusBadge status={row.original.status} /> },
    {
      header: t('Amount'),
      meta: { className: 'num' },
      cell: ({ row }) => <Money minor={row.original.amount} currency={row.original.currency} />,
    },
    { header: t('Fee'), meta: { className: 'num' }, cell: ({ row }) => <Money minor={row.original.fee} /> },
    { header: t('From'), cell: ({ row }) => party(row.original.payer) },
    { header: t('To'), cell: ({ row }) => party(row.original.payee) },
  ]
  return (
    <CursorTable
      label={t('Transactions')}
      queryKey={transactionKeys.list(filters)}
      fetchPage={(cursor) => listTransactions(api, filters, cursor)}
      columns={columns}
      onRowClick={(r) => void navigate(`/transactions/${r.id}`)}
      empty={t('No transactions match.')}
    />
  )
}

const party = (p: TransactionRow['payer']) =>
  p ? (
    <span>
      {p.name}
      {p.phone && <small className="muted"> {p.phone}</small>}
    </span>
  ) : (
    '—'
  )

const filterNames = ['type', 'status', 'from', 'to', 'party', 'min', 'max', 'q'] as const

export function TransactionsPage() {
  const { t } = useTranslation()
  const [params, setParams] = useSearchParams()
  const applied: TransactionFilters = {}
  for (const n of filterNames) {
    const v = params.get(n)
    if (v) applied[n] = v
  }
  const [draft, setDraft] = useState<TransactionFilters>(applied)
  const [error, setError] = useState<string>()
  const set = (k: keyof TransactionFilters) => (e: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [k]: e.target.value }))
  const submit = (e: FormEvent) => {
    e.preventDefault()
    const next: Record<string, string> = {}
    for (const n of filterNames) {
      const v = draft[n]?.trim()
      if (!v) continue
      if (n === 'min' || n === 'max') {
        // Typed in the currency's units; the API takes minor units.
        const parsed = parseAmount(v)
        if (!parsed.ok) {
          setError(t('Amounts are numbers like 1,500.50.'))
          return
        }
        next[n] = parsed.minor.toString()
      } else if (n === 'to' || n === 'from') {
        next[n] = v
      } else next[n] = v
    }
    setError(undefined)
    setParams(next)
  }
  const apiFilters: TransactionFilters = { ...applied }
  const shown = { ...draft }
  return (
    <>
      <h1>{t('Transactions')}</h1>
      <form className="filters" onSubmit={submit} role="search" aria-label={t('Filter transactions')}>
        <Select
          label={t('Type')}
          value={shown.type ?? ''}
          onChange={set('type')}
          options={[
            { value: '', label: t('Any') },
            ...transactionKinds.map((k) => ({ value: k, label: t(kindLabel(k)) })),
          ]}
        />
        <Select
          label={t('Status')}
          value={shown.status ?? ''}
          onChange={set('status')}
          options={[
            { value: '', label: t('Any') },
            ...transactionStatuses.map((s) => ({ value: s, label: t(s) })),
          ]}
        />
        <div className="field">
          <label htmlFor="tx-from">{t('From date')}</label>
          <input id="tx-from" type="date" value={shown.from ?? ''} onChange={set('from')} />
        </div>
        <div className="field">
          <label htmlFor="tx-to">{t('To date')}</label>
          <input id="tx-to" type="date" value={shown.to ?? ''} onChange={set('to')} />
        </div>
        <div className="field">
          <label htmlFor="tx-min">{t('Minimum amount')}</label>
          <input id="tx-min" inputMode="decimal" value={shown.min ?? ''} onChange={set('min')} />
        </div>
        <div className="field">
          <label htmlFor="tx-max">{t('Maximum amount')}</label>
          <input id="tx-max" inputMode="decimal" value={shown.max ?? ''} onChange={set('max')} />
        </div>
        <div className="field">
          <label htmlFor="tx-party">{t('Party (phone, code or ID)')}</label>
          <input id="tx-party" value={shown.party ?? ''} onChange={set('party')} />
        </div>
        <div className="field">
          <label htmlFor="tx-q">{t('Reference')}</label>
          <input id="tx-q" value={shown.q ?? ''} onChange={set('q')} />
        </div>
        <div className="row">
          <button type="submit">{t('Search')}</button>
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setDraft({})
              setParams({})
            }}
          >
            {t('Clear')}
          </button>
        </div>
        {error && (
          <p className="error-text" role="alert">
            {error}
          </p>
        )}
      </form>
      <TransactionTable filters={apiFilters} />
    </>
  )
}

export function TransactionPage() {
  const { t } = useTranslation()
  const { api, can } = useApp()
  const { id = '' } = useParams()
  const q = useQuery({ queryKey: transactionKeys.detail(id), queryFn: () => getTransaction(api, id) })
  const requests = useQuery({
    queryKey: transactionKeys.reversals(id),
    queryFn: () => reversalRequestsOf(api, id),
  })
  return (
    <QueryView query={q}>
      {(d) => {
        const x = d.transaction
        const pending = requests.data?.items.some((r) => r.status === 'pending') ?? true
        return (
          <>
            <h1>
              {t(kindLabel(x.type))} {x.reference ?? x.id.slice(0, 8)} <StatusBadge status={x.status} />
            </h1>
            <Section
              title={t('Transaction')}
              actions={
                can('reversals:request') &&
                x.status === 'completed' &&
                !pending && (
                  <ActionButton
                    label={t('Request reversal')}
                    danger
                    reason={t('Reason')}
                    run={(reason) => requestReversal(api, id, reason)}
                    invalidate={[transactionKeys.detail(id), ['approvals']]}
                    done={t('Reversal requested: another admin must approve it.')}
                  />
                )
              }
            >
              <Facts
                rows={[
                  [t('Amount'), <Money key="a" minor={x.amount} currency={x.currency} />],
                  [t('Fee'), <Money key="f" minor={x.fee} currency={x.currency} />],
                  [t('From'), party(x.payer)],
                  [t('To'), party(x.payee)],
                  [t('When'), <DateTime key="w" value={x.createdAt} seconds />],
                  [t('Transaction ID'), <code key="i">{x.id}</code>],
                  ...(x.note ? ([[t('Note'), x.note]] as [string, string][]) : []),
                  ...(x.originalTransactionId
                    ? ([
                        [
                          t('Reverses'),
                          <Link key="o" to={`/transactions/${x.originalTransactionId}`}>
                            {x.originalTransactionId.slice(0, 8)}
                          </Link>,
                        ],
                      ] as [string, React.ReactNode][])
                    : []),
                ]}
              />
            </Section>
            <Section title={t('Postings')}>
              {d.entries.length === 0 ? (
                <Empty>{t('No journal entries.')}</Empty>
              ) : (
                d.entries.map((e) => (
                  <table key={e.id} aria-label={t('Journal entry {{kind}}', { kind: e.kind })}>
                    <caption>
                      {e.kind} · <DateTime value={e.createdAt} seconds />{' '}
                      {e.description && `· ${e.description}`}
                    </caption>
                    <thead>
                      <tr>
                        <th>{t('Account')}</th>
                        <th>{t('Party')}</th>
                        <th className="num">{t('Debit')}</th>
                        <th className="num">{t('Credit')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {e.postings.map((p, i) => (
                        <tr key={i}>
                          <td>
                            {p.accountType} <small className="muted">{p.accountId.slice(0, 8)}</small>
                          </td>
                          <td>{p.partyName ?? '—'}</td>
                          <td className="num">{p.amount < 0 ? <Money minor={-p.amount} /> : ''}</td>
                          <td className="num">{p.amount > 0 ? <Money minor={p.amount} /> : ''}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                ))
              )}
            </Section>
            <Section title={t('Partner calls')}>
              {d.partnerCalls.length === 0 ? (
                <Empty>{t('No partner calls.')}</Empty>
              ) : (
                <table aria-label={t('Partner calls')}>
                  <thead>
                    <tr>
                      <th>{t('Partner')}</th>
                      <th>{t('Operation')}</th>
                      <th>{t('Status')}</th>
                      <th>{t('Partner reference')}</th>
                      <th>{t('Tries')}</th>
                      <th>{t('Last error')}</th>
                      <th>{t('Settled')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {d.partnerCalls.map((c) => (
                      <tr key={c.id}>
                        <td>{c.partner}</td>
                        <td>{c.operation}</td>
                        <td>
                          <StatusBadge status={c.status} />
                        </td>
                        <td>{c.partnerReference ?? '—'}</td>
                        <td>{c.asks}</td>
                        <td>{c.lastError ?? ''}</td>
                        <td>
                          <DateTime value={c.settledAt} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </Section>
            {d.flags.length > 0 && (
              <Section title={t('Flags')}>
                <ul>
                  {d.flags.map((f, i) => (
                    <li key={i}>
                      <strong>{f.kind}</strong>: {f.reason} (<DateTime value={f.createdAt} />)
                    </li>
                  ))}
                </ul>
              </Section>
            )}
            <Section title={t('Reversal requests')}>
              <QueryView query={requests}>
                {(r) => <ApprovalList items={r.items} invalidate={[transactionKeys.detail(id)]} />}
              </QueryView>
            </Section>
          </>
        )
      }}
    </QueryView>
  )
}
