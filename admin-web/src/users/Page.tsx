import { useQuery } from '@tanstack/react-query'
import type { ColumnDef } from '@tanstack/react-table'
import { useEffect, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams, useSearchParams } from 'react-router'
import { useApp } from '../app/context'
import { Problem } from '../app/api'
import { TransactionTable } from '../transactions/Page'
import { ActionButton } from '../ui/actions'
import { CursorTable } from '../ui/CursorTable'
import { Facts, Section, StatusBadge } from '../ui/forms'
import { DateTime, Money } from '../ui/format'
import { Empty, ErrorState, Loading, QueryView } from '../ui/states'
import { getUserDetail, searchUsers, userActions, userKeys, type UserDetail, type UserRow } from './queries'

export function UsersPage() {
  const { t } = useTranslation()
  const { api } = useApp()
  const navigate = useNavigate()
  const [params, setParams] = useSearchParams()
  const q = params.get('q') ?? ''
  const kyc = params.get('kyc') === 'submitted'
  const [text, setText] = useState(q)
  const search = (query: string, waiting: boolean) =>
    setParams({ ...(query ? { q: query } : {}), ...(waiting ? { kyc: 'submitted' } : {}) })
  const submit = (e: FormEvent) => {
    e.preventDefault()
    search(text.trim(), kyc)
  }
  const columns: ColumnDef<UserRow, unknown>[] = [
    {
      header: t('Name'),
      cell: ({ row }) => (
        <Link to={`/users/${row.original.id}`}>
          {row.original.firstName} {row.original.lastName}
        </Link>
      ),
    },
    { header: t('Phone'), accessorKey: 'phone' },
    { header: t('ID number'), cell: ({ row }) => row.original.idNumber ?? '—' },
    { header: t('KYC tier'), accessorKey: 'kycTier' },
    { header: t('Status'), cell: ({ row }) => <StatusBadge status={row.original.status} /> },
    { header: t('Registered'), cell: ({ row }) => <DateTime value={row.original.createdAt} /> },
  ]
  return (
    <>
      <h1>{t('Users')}</h1>
      <form className="toolbar" onSubmit={submit} role="search">
        <div className="field grow">
          <label htmlFor="user-q">{t('Phone, name or ID number')}</label>
          <input id="user-q" value={text} onChange={(e) => setText(e.target.value)} />
        </div>
        <label className="inline">
          <input type="checkbox" checked={kyc} onChange={(e) => search(text.trim(), e.target.checked)} />{' '}
          {t('Waiting for KYC review')}
        </label>
        <button type="submit">{t('Search')}</button>
      </form>
      <CursorTable
        label={t('Users')}
        queryKey={userKeys.search(q, kyc)}
        fetchPage={(cursor) => searchUsers(api, q, cursor, kyc)}
        columns={columns}
        onRowClick={(u) => void navigate(`/users/${u.id}`)}
        empty={
          kyc ? t('No ID waits for review.') : q ? t('No user matches “{{q}}”.', { q }) : t('No users yet.')
        }
      />
    </>
  )
}

export function UserPage() {
  const { t } = useTranslation()
  const { api } = useApp()
  const { id = '' } = useParams()
  const detail = useQuery({ queryKey: userKeys.detail(id), queryFn: () => getUserDetail(api, id) })
  return (
    <QueryView query={detail}>
      {(d) => (
        <>
          <h1>
            {d.profile.firstName} {d.profile.lastName} <StatusBadge status={d.profile.status} />
          </h1>
          <div className="grid two">
            <Profile d={d} />
            <Wallet d={d} />
          </div>
          <Kyc d={d} />
          <div className="grid two">
            <Devices d={d} />
            <Cards d={d} />
          </div>
          <Section title={t('History')}>
            <TransactionTable filters={{ party: id }} />
          </Section>
        </>
      )}
    </QueryView>
  )
}

function Profile({ d }: { d: UserDetail }) {
  const { t } = useTranslation()
  const { api, can } = useApp()
  const p = d.profile
  const act = userActions(api, p.id)
  const key = [userKeys.detail(p.id), ['users', 'search']]
  const locked = p.status === 'locked'
  return (
    <Section
      title={t('Profile')}
      actions={
        can('users:lock') &&
        (locked ? (
          <ActionButton
            label={t('Unlock')}
            run={act.unlock}
            invalidate={key}
            done={t('The account is unlocked.')}
          />
        ) : (
          <ActionButton
            label={t('Lock')}
            danger
            reason={t('Reason')}
            run={act.lock}
            invalidate={key}
            done={t('The account is locked.')}
          />
        ))
      }
    >
      <Facts
        rows={[
          [t('Status'), <StatusBadge key="s" status={p.status} />],
          ...(locked && p.lockedReason
            ? ([[t('Locked because'), p.lockedReason]] as [string, string][])
            : []),
          [t('Phone'), p.phone],
          [t('ID number'), p.idNumber ?? '—'],
          [t('KYC tier'), String(p.kycTier)],
          [t('Language'), p.language],
          [t('Registered'), <DateTime key="c" value={p.createdAt} />],
          [
            t('Wrong PIN tries'),
            <span key="pin">
              {d.pin.failedAttempts}
              {d.pin.lockedAt && (
                <>
                  {' '}
                  · {t('PIN locked')} <DateTime value={d.pin.lockedAt} />
                </>
              )}
            </span>,
          ],
        ]}
      />
      {can('users:reset_pin_tries') && (d.pin.failedAttempts > 0 || d.pin.lockedAt) && (
        <ActionButton
          label={t('Reset PIN tries')}
          run={act.resetPinTries}
          invalidate={key}
          done={t('PIN tries are reset.')}
        />
      )}
    </Section>
  )
}

function Wallet({ d }: { d: UserDetail }) {
  const { t } = useTranslation()
  const w = d.wallet
  const l = d.limits
  return (
    <Section title={t('Wallet and limits')}>
      {w ? (
        <Facts
          rows={[
            [t('Balance'), <Money key="b" minor={w.balance} currency={w.currency} />],
            [t('Available'), <Money key="a" minor={w.available} currency={w.currency} />],
            [t('Held'), <Money key="h" minor={w.held} currency={w.currency} />],
          ]}
        />
      ) : (
        <Empty>{t('No wallet.')}</Empty>
      )}
      {l && (
        <Facts
          rows={[
            [t('Limit tier'), String(l.tier)],
            [t('Per transaction'), <Money key="p" minor={l.perTransaction} currency={l.currency} />],
            [
              t('Daily (used)'),
              <span key="d">
                <Money minor={l.daily} currency={l.currency} /> (<Money minor={l.usedToday} />)
              </span>,
            ],
            [
              t('Monthly (used)'),
              <span key="m">
                <Money minor={l.monthly} currency={l.currency} /> (<Money minor={l.usedThisMonth} />)
              </span>,
            ],
            [t('Maximum balance'), <Money key="x" minor={l.maxBalance} currency={l.currency} />],
          ]}
        />
      )}
    </Section>
  )
}

function IdPhoto({ userId }: { userId: string }) {
  const { t } = useTranslation()
  const { api } = useApp()
  const photo = useQuery({
    queryKey: ['users', userId, 'id-photo'],
    queryFn: () => userActions(api, userId).idPhoto(),
    retry: false,
  })
  const [url, setUrl] = useState<string>()
  useEffect(() => {
    if (!photo.data) return
    const u = URL.createObjectURL(photo.data)
    setUrl(u)
    return () => URL.revokeObjectURL(u)
  }, [photo.data])
  if (photo.isPending) return <Loading label={t('Loading the ID photo…')} />
  if (photo.error instanceof Problem && photo.error.status === 404)
    return <Empty>{t('No ID photo was uploaded.')}</Empty>
  if (photo.error) return <ErrorState error={photo.error} retry={() => void photo.refetch()} />
  return url ? <img className="id-photo" src={url} alt={t('ID photo')} /> : null
}

function Kyc({ d }: { d: UserDetail }) {
  const { t } = useTranslation()
  const { api, can } = useApp()
  const act = userActions(api, d.profile.id)
  const pending = d.kyc.find((k) => k.status === 'pending' || k.status === 'submitted')
  const key = [userKeys.detail(d.profile.id), ['users', 'search']]
  return (
    <Section title={t('KYC')}>
      <div className="grid two">
        <div>
          {d.kyc.length === 0 ? (
            <Empty>{t('No KYC submission.')}</Empty>
          ) : (
            <table aria-label={t('KYC submissions')}>
              <thead>
                <tr>
                  <th>{t('Submitted')}</th>
                  <th>{t('Tier')}</th>
                  <th>{t('Document')}</th>
                  <th>{t('Status')}</th>
                  <th>{t('Reason')}</th>
                </tr>
              </thead>
              <tbody>
                {d.kyc.map((k) => (
                  <tr key={k.id}>
                    <td>
                      <DateTime value={k.createdAt} />
                    </td>
                    <td>{k.tier}</td>
                    <td>
                      {k.idType} {k.idNumber}
                    </td>
                    <td>
                      <StatusBadge status={k.status} />
                    </td>
                    <td>{k.reason ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {pending && can('kyc:review') && (
            <div className="row">
              <ActionButton
                label={t('Approve to tier 2')}
                run={act.approveKyc}
                invalidate={key}
                done={t('KYC approved: the user is now tier 2.')}
              />
              <ActionButton
                label={t('Reject KYC')}
                danger
                reason={t('Reason')}
                run={act.rejectKyc}
                invalidate={key}
                done={t('KYC rejected.')}
              />
            </div>
          )}
        </div>
        <div>{d.kyc.length > 0 && <IdPhoto userId={d.profile.id} />}</div>
      </div>
    </Section>
  )
}

function Devices({ d }: { d: UserDetail }) {
  const { t } = useTranslation()
  return (
    <Section title={t('Devices')}>
      {d.devices.length === 0 ? (
        <Empty>{t('No devices.')}</Empty>
      ) : (
        <table aria-label={t('Devices')}>
          <thead>
            <tr>
              <th>{t('Device')}</th>
              <th>{t('Status')}</th>
              <th>{t('Last seen')}</th>
            </tr>
          </thead>
          <tbody>
            {d.devices.map((x) => (
              <tr key={x.id}>
                <td>{x.label}</td>
                <td>
                  <StatusBadge status={x.status} />
                </td>
                <td>
                  <DateTime value={x.lastSeenAt} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  )
}

function Cards({ d }: { d: UserDetail }) {
  const { t } = useTranslation()
  return (
    <Section title={t('Cards')}>
      {d.cards.length === 0 ? (
        <Empty>{t('No cards.')}</Empty>
      ) : (
        <table aria-label={t('Cards')}>
          <thead>
            <tr>
              <th>{t('Card')}</th>
              <th>{t('Status')}</th>
              <th>{t('Bound')}</th>
            </tr>
          </thead>
          <tbody>
            {d.cards.map((c) => (
              <tr key={c.id}>
                <td>
                  {c.kind} ···· {c.last4}
                </td>
                <td>
                  <StatusBadge status={c.status} />
                </td>
                <td>
                  <DateTime value={c.boundAt} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  )
}
