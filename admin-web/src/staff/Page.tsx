import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { ColumnDef } from '@tanstack/react-table'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useApp } from '../app/context'
import { ActionButton } from '../ui/actions'
import { CursorTable } from '../ui/CursorTable'
import { Field, Section, Select, StatusBadge } from '../ui/forms'
import { DateTime } from '../ui/format'
import { describeProblem, QueryView } from '../ui/states'
import type { Row } from '../app/answers'

type Staff = Row<'/v1/admin/staff'>

const roleNames: Record<string, string> = { admin: 'Admin', sub_admin: 'Sub-admin', auditor: 'Auditor' }

export function StaffPage() {
  const { t } = useTranslation()
  const { api, me, can } = useApp()
  const columns: ColumnDef<Staff, unknown>[] = [
    { header: t('Name'), accessorKey: 'displayName' },
    { header: t('Email'), accessorKey: 'email' },
    { header: t('Role'), cell: ({ row }) => t(roleNames[row.original.role] ?? row.original.role) },
    { header: t('Status'), cell: ({ row }) => <StatusBadge status={row.original.status} /> },
    { header: t('Since'), cell: ({ row }) => <DateTime value={row.original.createdAt} /> },
    {
      id: 'actions',
      header: '',
      cell: ({ row }) =>
        can('staff:manage') &&
        row.original.id !== me.id &&
        (row.original.status === 'active' ? (
          <ActionButton
            label={t('Disable')}
            name={t('Disable {{name}}', { name: row.original.email })}
            danger
            reason={t('Reason')}
            run={(reason) => api.post(`/v1/admin/staff/${row.original.id}/disable`, { reason })}
            invalidate={[['staff']]}
          />
        ) : (
          <ActionButton
            label={t('Enable')}
            name={t('Enable {{name}}', { name: row.original.email })}
            run={() => api.post(`/v1/admin/staff/${row.original.id}/enable`)}
            invalidate={[['staff']]}
          />
        )),
    },
  ]
  return (
    <>
      <h1>{t('Staff and roles')}</h1>
      {can('staff:manage') && <NewStaff />}
      <Section title={t('Staff')}>
        <CursorTable
          label={t('Staff')}
          queryKey={['staff']}
          fetchPage={(cursor) => api.get('/v1/admin/staff', { cursor })}
          columns={columns}
        />
      </Section>
      <Matrix />
    </>
  )
}

function NewStaff() {
  const { t } = useTranslation()
  const { api } = useApp()
  const qc = useQueryClient()
  const blank = { email: '', displayName: '', role: 'sub_admin', password: '' }
  const [f, setF] = useState(blank)
  const create = useMutation({
    mutationFn: () => api.post<Staff>('/v1/admin/staff', f),
    onSuccess: () => {
      setF(blank)
      void qc.invalidateQueries({ queryKey: ['staff'] })
    },
  })
  const submit = (e: FormEvent) => {
    e.preventDefault()
    create.mutate()
  }
  return (
    <Section title={t('New staff account')}>
      <form className="row wrap" onSubmit={submit} aria-label={t('New staff account')}>
        <Field
          label={t('Email')}
          type="email"
          required
          value={f.email}
          onChange={(e) => setF({ ...f, email: e.target.value })}
        />
        <Field
          label={t('Display name')}
          required
          value={f.displayName}
          onChange={(e) => setF({ ...f, displayName: e.target.value })}
        />
        <Select
          label={t('Role')}
          value={f.role}
          onChange={(e) => setF({ ...f, role: e.target.value })}
          options={Object.entries(roleNames).map(([v, l]) => ({ value: v, label: t(l) }))}
        />
        <Field
          label={t('Password')}
          type="password"
          autoComplete="new-password"
          minLength={12}
          required
          value={f.password}
          onChange={(e) => setF({ ...f, password: e.target.value })}
          hint={t('At least 12 characters.')}
        />
        <button type="submit" disabled={create.isPending}>
          {t('Create staff account')}
        </button>
      </form>
      {create.isSuccess && (
        <p className="ok-text" role="status">
          {t('Staff account created.')}
        </p>
      )}
      {create.error && (
        <p className="error-text" role="alert">
          {describeProblem(create.error, t)}
        </p>
      )}
    </Section>
  )
}

function Matrix() {
  const { t } = useTranslation()
  const { api } = useApp()
  const q = useQuery({
    queryKey: ['permissions'],
    queryFn: () =>
      api.get<{ roles: string[]; permissions: { permission: string; roles: string[] }[] }>(
        '/v1/admin/permissions',
      ),
  })
  return (
    <Section title={t('Permission matrix')}>
      <QueryView query={q}>
        {(m) => (
          <div className="table-wrap">
            <table aria-label={t('Permission matrix')} className="matrix">
              <thead>
                <tr>
                  <th scope="col">{t('Permission')}</th>
                  {m.roles.map((r) => (
                    <th key={r} scope="col">
                      {t(roleNames[r] ?? r)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {m.permissions.map((p) => (
                  <tr key={p.permission}>
                    <th scope="row">
                      <code>{p.permission}</code>
                    </th>
                    {m.roles.map((r) => (
                      <td key={r} className="center">
                        {p.roles.includes(r) ? (
                          <span aria-label={t('allowed')}>✓</span>
                        ) : (
                          <span aria-label={t('refused')} className="muted">
                            ·
                          </span>
                        )}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryView>
    </Section>
  )
}
