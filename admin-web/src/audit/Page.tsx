import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { ColumnDef } from '@tanstack/react-table'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useApp } from '../app/context'
import { CursorTable } from '../ui/CursorTable'
import { DateTime } from '../ui/format'
import { describeProblem } from '../ui/states'
import type { Answer, Row } from '../app/answers'

type AuditRow = Row<'/v1/admin/audit-log'>

type Verified = Answer<'/v1/admin/audit-log/verify', 'post'>

export function AuditPage() {
  const { t } = useTranslation()
  const { api } = useApp()
  const [filters, setFilters] = useState({ action: '', actor: '', target: '' })
  const [draft, setDraft] = useState(filters)
  const qc = useQueryClient()
  const verify = useMutation({
    mutationFn: () => api.post<Verified>('/v1/admin/audit-log/verify'),
    // Show the rows as they are now, next to the verdict.
    onSuccess: () => qc.invalidateQueries({ queryKey: ['audit'] }),
  })
  const columns: ColumnDef<AuditRow, unknown>[] = [
    { header: '#', meta: { className: 'num' }, accessorKey: 'seq' },
    { header: t('When'), cell: ({ row }) => <DateTime value={row.original.createdAt} seconds /> },
    {
      header: t('Who'),
      cell: ({ row }) => row.original.actorName ?? row.original.actorPartyId ?? t('system'),
    },
    { header: t('Action'), cell: ({ row }) => <code>{row.original.action}</code> },
    {
      header: t('Target'),
      cell: ({ row }) =>
        row.original.targetType
          ? `${row.original.targetType} ${row.original.targetId?.slice(0, 8) ?? ''}`
          : '—',
    },
    {
      header: t('Details'),
      cell: ({ row }) => (
        <code className="details">{row.original.details ? JSON.stringify(row.original.details) : ''}</code>
      ),
    },
    {
      header: t('Hash'),
      cell: ({ row }) =>
        row.original.hash ? (
          <code title={row.original.hash}>{row.original.hash.slice(0, 12)}…</code>
        ) : (
          t('not sealed yet')
        ),
    },
  ]
  const submit = (e: FormEvent) => {
    e.preventDefault()
    setFilters(draft)
  }
  return (
    <>
      <h1>{t('Audit log')}</h1>
      <div className="toolbar">
        <button type="button" onClick={() => verify.mutate()} disabled={verify.isPending}>
          {verify.isPending ? t('Verifying…') : t('Verify chain')}
        </button>
        {verify.data &&
          (verify.data.ok ? (
            <p className="ok-text" role="status">
              {t('The chain holds: {{n}} rows checked.', { n: verify.data.checked })}
            </p>
          ) : (
            <p className="error-text" role="alert">
              {t('The chain is broken: row {{id}} was altered ({{n}} rows checked).', {
                id: verify.data.firstBrokenId,
                n: verify.data.checked,
              })}
            </p>
          ))}
        {verify.error && (
          <p className="error-text" role="alert">
            {describeProblem(verify.error, t)}
          </p>
        )}
      </div>
      <form className="toolbar" onSubmit={submit} role="search" aria-label={t('Filter the audit log')}>
        <div className="field">
          <label htmlFor="audit-action">{t('Action')}</label>
          <input
            id="audit-action"
            value={draft.action}
            onChange={(e) => setDraft({ ...draft, action: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="audit-actor">{t('Actor ID')}</label>
          <input
            id="audit-actor"
            value={draft.actor}
            onChange={(e) => setDraft({ ...draft, actor: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="audit-target">{t('Target ID')}</label>
          <input
            id="audit-target"
            value={draft.target}
            onChange={(e) => setDraft({ ...draft, target: e.target.value })}
          />
        </div>
        <button type="submit">{t('Search')}</button>
      </form>
      <CursorTable
        label={t('Audit log')}
        queryKey={['audit', filters]}
        fetchPage={(cursor) => api.get('/v1/admin/audit-log', { ...filters, cursor })}
        columns={columns}
        empty={t('No audit rows.')}
      />
    </>
  )
}
