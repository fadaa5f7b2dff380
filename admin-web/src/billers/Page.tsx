import { useQuery, useQueryClient } from '@tanstack/react-query'
import { Fragment, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApp } from '../app/context'
import { EntityForm, type FieldSpec } from '../ui/EntityForm'
import { Section, StatusBadge } from '../ui/forms'
import { Money } from '../ui/format'
import { QueryView } from '../ui/states'
import type { Row } from '../app/answers'

type Biller = Row<'/v1/admin/billers'>

const billerFields = (t: (s: string) => string, create: boolean): FieldSpec[] => [
  ...(create ? [{ name: 'code', label: t('Biller code'), required: true }] : []),
  { name: 'name', label: t('Name'), required: create },
  {
    name: 'accountPattern',
    label: t('Account number rule (regular expression)'),
    required: create,
    hint: '^\\d{6,11}$',
  },
  { name: 'fee', label: t('Fee'), kind: 'money', required: create },
  { name: 'settlementBankAccount', label: t('Settlement bank account'), required: create },
  ...(create ? [] : [{ name: 'active', label: t('Active'), kind: 'checkbox' as const }]),
]

export function BillersPage() {
  const { t } = useTranslation()
  const { api, can } = useApp()
  const qc = useQueryClient()
  const q = useQuery({
    queryKey: ['billers'],
    queryFn: () => api.get<{ items: Biller[] }>('/v1/admin/billers'),
  })
  const [editing, setEditing] = useState<string>()
  const [creating, setCreating] = useState(false)
  const refresh = () => void qc.invalidateQueries({ queryKey: ['billers'] })
  const manage = can('billers:manage')
  return (
    <>
      <h1>{t('Billers')}</h1>
      {manage && (
        <div className="toolbar">
          <button type="button" onClick={() => setCreating((c) => !c)}>
            {t('New biller')}
          </button>
        </div>
      )}
      {creating && (
        <Section title={t('New biller')}>
          <EntityForm
            title={t('New biller')}
            fields={billerFields(t, true)}
            submitLabel={t('Create biller')}
            onSubmit={(body) => api.post('/v1/admin/billers', body)}
            onDone={() => {
              setCreating(false)
              refresh()
            }}
          />
        </Section>
      )}
      <QueryView query={q} isEmpty={(d) => d.items.length === 0} empty={t('No billers.')}>
        {(d) => (
          <table aria-label={t('Billers')}>
            <thead>
              <tr>
                <th>{t('Code')}</th>
                <th>{t('Name')}</th>
                <th>{t('Account number rule')}</th>
                <th className="num">{t('Fee')}</th>
                <th>{t('Settlement bank account')}</th>
                <th>{t('Status')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {d.items.map((b) => (
                <Fragment key={b.id}>
                  <tr>
                    <td>{b.code}</td>
                    <td>{b.name}</td>
                    <td>
                      <code>{b.accountPattern}</code>
                    </td>
                    <td className="num">
                      <Money minor={b.fee} />
                    </td>
                    <td>{b.settlementBankAccount ?? '—'}</td>
                    <td>
                      <StatusBadge status={b.active ? 'active' : 'suspended'} />
                    </td>
                    <td>
                      {manage && (
                        <button
                          type="button"
                          className="secondary small"
                          onClick={() => setEditing(editing === b.id ? undefined : b.id)}
                        >
                          {t('Edit {{code}}', { code: b.code })}
                        </button>
                      )}
                    </td>
                  </tr>
                  {editing === b.id && (
                    <tr>
                      <td colSpan={7}>
                        <EntityForm
                          title={t('Edit {{code}}', { code: b.code })}
                          partial
                          fields={billerFields(t, false)}
                          start={b as unknown as Record<string, unknown>}
                          submitLabel={t('Save changes')}
                          onSubmit={(body) => api.request('PATCH', `/v1/admin/billers/${b.id}`, { body })}
                          onDone={refresh}
                        />
                      </td>
                    </tr>
                  )}
                </Fragment>
              ))}
            </tbody>
          </table>
        )}
      </QueryView>
    </>
  )
}
