import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useApp } from '../app/context'
import { ActionButton } from '../ui/actions'
import { Select, StatusBadge } from '../ui/forms'
import { DateTime } from '../ui/format'
import { Empty, QueryView } from '../ui/states'
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
          {r.kind !== 'reversal' && r.payload != null && (
            <pre className="payload">{JSON.stringify(r.payload, null, 2)}</pre>
          )}
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
