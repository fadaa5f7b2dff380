import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useApp } from '../app/context'
import { ActionButton } from '../ui/actions'
import { Facts, Select, StatusBadge } from '../ui/forms'
import { DateTime, Money } from '../ui/format'
import { Empty, QueryView } from '../ui/states'
import { kindLabel } from '../transactions/Page'
import { approvalKeys, approve, listApprovals, reject, type ApprovalRequest } from './queries'

const kindNames: Record<string, string> = {
  reversal: 'Reversal',
  tariff_change: 'Tariff change',
  limit_change: 'Limit change',
}

/**
 * Requests with their decision buttons. The requester sees no buttons on its own request (the server
 * refuses it: four eyes), only who must decide.
 */
export function ApprovalList({
  items,
  invalidate = [],
}: {
  items: ApprovalRequest[]
  invalidate?: readonly (readonly unknown[])[]
}) {
  const { t } = useTranslation()
  const { api, me, can } = useApp()
  if (items.length === 0) return <Empty>{t('No requests.')}</Empty>
  const keys = [...invalidate, ['approvals'], ['transactions'], ['tariffs']]
  return (
    <ul className="approvals">
      {items.map((r) => (
        <li
          key={r.id}
          className="card inner"
          aria-label={t('{{kind}} request', { kind: t(kindNames[r.kind] ?? r.kind) })}
        >
          <div className="row spread">
            <strong>{t(kindNames[r.kind] ?? r.kind)}</strong>
            <StatusBadge status={r.status} />
          </div>
          <p>
            {r.kind === 'reversal' ? (
              <Link to={`/transactions/${r.targetId}`}>
                {t('Transaction {{id}}', { id: r.targetId.slice(0, 8) })}
              </Link>
            ) : (
              <code>{r.targetId}</code>
            )}{' '}
            · {t('requested by {{who}}', { who: r.requestedByEmail })} · <DateTime value={r.createdAt} />
          </p>
          <p>
            {t('Reason')}: {r.reason}
          </p>
          {r.kind !== 'reversal' && r.payload != null && <ChangeDetail kind={r.kind} payload={r.payload} />}
          {r.decidedAt && (
            <p className="muted">
              {t('Decided')} <DateTime value={r.decidedAt} />
              {r.decisionReason && ` · ${r.decisionReason}`}
            </p>
          )}
          {r.status === 'pending' &&
            (r.requestedBy === me.id ? (
              <p className="muted">{t('Waiting for another admin: you cannot decide your own request.')}</p>
            ) : !can('approvals:decide') ? (
              <p className="muted">{t('Waiting for an admin to decide.')}</p>
            ) : (
              <div className="row">
                <ActionButton
                  label={t('Approve')}
                  run={() => approve(api, r.id)}
                  invalidate={keys}
                  done={t('Approved.')}
                />
                <ActionButton
                  label={t('Reject')}
                  danger
                  reason={t('Reason')}
                  run={(reason) => reject(api, r.id, reason)}
                  invalidate={keys}
                  done={t('Rejected.')}
                />
              </div>
            ))}
        </li>
      ))}
    </ul>
  )
}

export function ApprovalsPage() {
  const { t } = useTranslation()
  const { api } = useApp()
  const [status, setStatus] = useState('pending')
  const [kind, setKind] = useState('')
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined])
  const cursor = cursors[cursors.length - 1]
  const q = useQuery({
    queryKey: [...approvalKeys.list(status, kind), cursor ?? null],
    queryFn: () => listApprovals(api, status, kind, cursor),
  })
  return (
    <>
      <h1>{t('Approvals')}</h1>
      <p className="muted">{t('Reversals, tariff and limit changes wait here for a second admin.')}</p>
      <div className="toolbar">
        <Select
          label={t('Status')}
          value={status}
          onChange={(e) => {
            setStatus(e.target.value)
            setCursors([undefined])
          }}
          options={['pending', 'approved', 'rejected', 'failed'].map((s) => ({ value: s, label: t(s) }))}
        />
        <Select
          label={t('Kind')}
          value={kind}
          onChange={(e) => {
            setKind(e.target.value)
            setCursors([undefined])
          }}
          options={[
            { value: '', label: t('Any') },
            ...Object.entries(kindNames).map(([v, l]) => ({ value: v, label: t(l) })),
          ]}
        />
      </div>
      <QueryView query={q}>
        {(page) => (
          <>
            <ApprovalList items={page.items} />
            <nav className="pager" aria-label={t('Pages')}>
              <button
                type="button"
                className="secondary"
                disabled={cursors.length <= 1}
                onClick={() => setCursors((c) => c.slice(0, -1))}
              >
                {t('Previous page')}
              </button>
              <button
                type="button"
                className="secondary"
                disabled={!page.nextCursor}
                onClick={() => setCursors((c) => [...c, page.nextCursor ?? undefined])}
              >
                {t('Next page')}
              </button>
            </nav>
          </>
        )}
      </QueryView>
    </>
  )
}

const bps = (n: number) => `${(n / 100).toFixed(2)} %`

interface Band {
  minAmount: number
  maxAmount: number
  feeFixed: number
  feeBps: number
  commissionFixed: number
  commissionBps: number
}

/**
 * What the checker is asked to approve, in money and local time as the rest of the back office shows
 * them: the raw payload (minor units, UTC) made KES 10.00 read as 1000.
 */
function ChangeDetail({ kind, payload }: { kind: string; payload: unknown }) {
  const { t } = useTranslation()
  const p = payload as Record<string, unknown>
  const currency = typeof p.currency === 'string' ? p.currency : undefined
  const when = typeof p.effectiveAt === 'string' && (
    <p>
      {t('Takes effect at')}: <DateTime value={p.effectiveAt} />
    </p>
  )
  if (kind === 'tariff_change' && Array.isArray(p.bands))
    return (
      <div className="change">
        <p>
          {t('Type')}: {t(kindLabel(String(p.transactionType)))} · {currency}
        </p>
        {when}
        <table aria-label={t('Requested tariff')}>
          <thead>
            <tr>
              <th className="num">{t('From amount')}</th>
              <th className="num">{t('To amount')}</th>
              <th className="num">{t('Fixed fee')}</th>
              <th className="num">{t('Fee rate')}</th>
              <th className="num">{t('Fixed commission')}</th>
              <th className="num">{t('Commission rate')}</th>
            </tr>
          </thead>
          <tbody>
            {(p.bands as Band[]).map((b) => (
              <tr key={b.minAmount}>
                <td className="num">
                  <Money minor={b.minAmount} currency={currency} />
                </td>
                <td className="num">
                  <Money minor={b.maxAmount} currency={currency} />
                </td>
                <td className="num">
                  <Money minor={b.feeFixed} currency={currency} />
                </td>
                <td className="num">{bps(b.feeBps)}</td>
                <td className="num">
                  <Money minor={b.commissionFixed} currency={currency} />
                </td>
                <td className="num">{bps(b.commissionBps)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    )
  if (kind === 'limit_change' && typeof p.tier === 'number')
    return (
      <div className="change">
        {when}
        <Facts
          rows={[
            [t('Tier'), String(p.tier)],
            [t('Per transaction'), <Money minor={p.perTransaction as number} currency={currency} />],
            [t('Daily'), <Money minor={p.daily as number} currency={currency} />],
            [t('Monthly'), <Money minor={p.monthly as number} currency={currency} />],
            [t('Maximum balance'), <Money minor={p.maxBalance as number} currency={currency} />],
          ]}
        />
      </div>
    )
  return <pre className="payload">{JSON.stringify(payload, null, 2)}</pre>
}
