import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApp } from '../app/context'
import { ActionButton } from '../ui/actions'
import { Field, Section, StatusBadge } from '../ui/forms'
import { DateTime } from '../ui/format'
import { describeProblem, QueryView } from '../ui/states'

interface Terminal {
  id: string
  label: string
  kind: string
  ownerCode: string
  ownerName: string
  status: string
  lastCheckInAt: string | null
  activatedAt: string | null
  createdAt: string
}

/** An agent's or a till's terminals: create one (its activation code shown once), lock, order a wipe. */
export function Terminals({ owner }: { owner: { agentCode: string } | { tillCode: string } }) {
  const { t } = useTranslation()
  const { api, can } = useApp()
  const qc = useQueryClient()
  const key = ['terminals', owner]
  const q = useQuery({
    queryKey: key,
    queryFn: () => api.get<{ items: Terminal[] }>('/v1/admin/terminals', owner),
  })
  const [label, setLabel] = useState('')
  const create = useMutation({
    mutationFn: () =>
      api.post<{ id: string; activationCode: string; expiresAt: string }>('/v1/admin/terminals', {
        ...owner,
        ...(label.trim() ? { label: label.trim() } : {}),
      }),
    onSuccess: () => {
      setLabel('')
      void qc.invalidateQueries({ queryKey: key })
    },
  })
  const manage = can('terminals:manage')
  return (
    <Section title={t('Terminals')}>
      {manage && (
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault()
            create.mutate()
          }}
        >
          <Field
            label={t('Terminal label')}
            value={label}
            maxLength={60}
            onChange={(e) => setLabel(e.target.value)}
          />
          <button type="submit" disabled={create.isPending}>
            {t('Create terminal')}
          </button>
        </form>
      )}
      {create.data && (
        <p className="notice" role="status">
          {t('Activation code')}: <strong className="code">{create.data.activationCode}</strong> ·{' '}
          {t('valid until')} <DateTime value={create.data.expiresAt} /> · {t('It is shown only once.')}
        </p>
      )}
      {create.error && (
        <p className="error-text" role="alert">
          {describeProblem(create.error, t)}
        </p>
      )}
      <QueryView query={q} isEmpty={(d) => d.items.length === 0} empty={t('No terminals.')}>
        {(d) => (
          <table aria-label={t('Terminals')}>
            <thead>
              <tr>
                <th>{t('Label')}</th>
                <th>{t('Status')}</th>
                <th>{t('Last check-in')}</th>
                <th>{t('Activated')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {d.items.map((x) => (
                <tr key={x.id}>
                  <td>{x.label}</td>
                  <td>
                    <StatusBadge status={x.status} />
                  </td>
                  <td>
                    <DateTime value={x.lastCheckInAt} />
                  </td>
                  <td>
                    <DateTime value={x.activatedAt} />
                  </td>
                  <td>
                    <div className="row">
                      {manage && x.status === 'active' && (
                        <ActionButton
                          label={t('Lock terminal')}
                          run={() => api.post(`/v1/admin/terminals/${x.id}/lock`)}
                          invalidate={[key]}
                        />
                      )}
                      {manage && x.status === 'locked' && (
                        <ActionButton
                          label={t('Unlock terminal')}
                          run={() => api.post(`/v1/admin/terminals/${x.id}/unlock`)}
                          invalidate={[key]}
                        />
                      )}
                      {manage && (x.status === 'active' || x.status === 'locked') && (
                        <ActionButton
                          label={t('Order wipe')}
                          danger
                          run={() => api.post(`/v1/admin/terminals/${x.id}/wipe`)}
                          invalidate={[key]}
                          done={t('Wipe ordered: the terminal is wiped at its next check-in.')}
                        />
                      )}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </QueryView>
    </Section>
  )
}
