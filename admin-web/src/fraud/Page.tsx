import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { ColumnDef } from '@tanstack/react-table'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useApp } from '../app/context'
import { ActionButton } from '../ui/actions'
import { CursorTable } from '../ui/CursorTable'
import { Facts, Section, Select, StatusBadge } from '../ui/forms'
import { DateTime } from '../ui/format'
import { toMinor, toTyped } from '../ui/money-input'
import { describeProblem, QueryView } from '../ui/states'
import {
  alertActions,
  backtestRule,
  fraudKeys,
  listAlerts,
  listRules,
  saveRule,
  type Alert,
  type Backtest,
  type Rule,
} from './queries'

const ruleNames: Record<string, string> = {
  velocity: 'Velocity',
  unusual_amount: 'Unusual amount',
  structuring: 'Structuring',
  new_device_large_transfer: 'New device, then a large transfer',
  wrong_pins: 'Repeated wrong PINs',
  many_senders: 'Many senders into a new wallet',
}

/** The thresholds' names as staff read them; the rule's description names them by key (shown too). */
const paramNames: Record<string, string> = {
  count: 'Payments',
  windowMinutes: 'Window in minutes',
  windowHours: 'Window in hours',
  factor: 'Times the average',
  minHistory: 'Payments of history at least',
  historyDays: 'Days of history',
  nearLimitPercent: 'Percent of the limit',
  deviceAgeHours: 'Hours since the new device',
  amount: 'Amount',
  attempts: 'Wrong PINs',
  senders: 'Distinct senders',
  walletAgeDays: 'Wallet younger than (days)',
}
// Thresholds that are money: typed in the currency's units like every amount (2000000 was KES 20,000).
const moneyParams = new Set(['amount'])

export function FraudPage() {
  const { t } = useTranslation()
  const { api } = useApp()
  const [status, setStatus] = useState('open')
  const [rule, setRule] = useState('')
  const [selected, setSelected] = useState<Alert>()
  const columns: ColumnDef<Alert, unknown>[] = [
    { header: t('Raised'), cell: ({ row }) => <DateTime value={row.original.createdAt} /> },
    { header: t('Rule'), cell: ({ row }) => t(ruleNames[row.original.rule] ?? row.original.rule) },
    { header: t('Score'), meta: { className: 'num' }, accessorKey: 'score' },
    {
      header: t('Party'),
      cell: ({ row }) => (
        <Link to={`/users/${row.original.partyId}`}>
          {row.original.partyName ?? row.original.partyId.slice(0, 8)}
        </Link>
      ),
    },
    {
      header: t('Transactions'),
      meta: { className: 'num' },
      cell: ({ row }) => row.original.transactionIds.length,
    },
    { header: t('Status'), cell: ({ row }) => <StatusBadge status={row.original.status} /> },
    {
      id: 'open',
      header: '',
      cell: ({ row }) => (
        <button type="button" className="secondary small" onClick={() => setSelected(row.original)}>
          {t('Open alert')}
        </button>
      ),
    },
  ]
  return (
    <>
      <h1>{t('Fraud')}</h1>
      <div className="toolbar">
        <Select
          label={t('Status')}
          value={status}
          onChange={(e) => setStatus(e.target.value)}
          options={['open', 'reviewing', 'dismissed', 'actioned'].map((s) => ({ value: s, label: t(s) }))}
        />
        <Select
          label={t('Rule')}
          value={rule}
          onChange={(e) => setRule(e.target.value)}
          options={[
            { value: '', label: t('Any') },
            ...Object.entries(ruleNames).map(([v, l]) => ({ value: v, label: t(l) })),
          ]}
        />
      </div>
      <div className={selected ? 'grid split' : undefined}>
        <CursorTable
          label={t('Alert queue')}
          queryKey={fraudKeys.alerts(status, rule)}
          fetchPage={(cursor) => listAlerts(api, status, rule, cursor)}
          columns={columns}
          empty={t('No alerts.')}
        />
        {selected && (
          <AlertPanel alert={selected} onClose={() => setSelected(undefined)} onChange={setSelected} />
        )}
      </div>
      <Rules />
    </>
  )
}

function AlertPanel({
  alert,
  onClose,
  onChange,
}: {
  alert: Alert
  onClose: () => void
  onChange: (a: Alert) => void
}) {
  const { t } = useTranslation()
  const { api, can } = useApp()
  const act = alertActions(api, alert.id)
  const keys = [['fraud', 'alerts'], ['users']]
  const settled = alert.status === 'dismissed' || alert.status === 'actioned'
  const then = (p: Promise<Alert>) => p.then((a) => (onChange(a), a))
  return (
    <Section
      title={t('Alert: {{rule}}', { rule: t(ruleNames[alert.rule] ?? alert.rule) })}
      actions={
        <button type="button" className="secondary small" onClick={onClose}>
          {t('Close')}
        </button>
      }
    >
      <Facts
        rows={[
          [t('Status'), <StatusBadge key="s" status={alert.status} />],
          [t('Score'), String(alert.score)],
          [
            t('Party'),
            <Link key="p" to={`/users/${alert.partyId}`}>
              {alert.partyName ?? alert.partyId}
            </Link>,
          ],
          [t('Raised'), <DateTime key="r" value={alert.createdAt} seconds />],
          ...(alert.note ? ([[t('Note'), alert.note]] as [string, string][]) : []),
        ]}
      />
      <h3>{t('Conditions that fired')}</h3>
      <ul>
        {alert.conditions.map((c, i) => (
          <li key={i}>
            {c.condition}: {String(c.value)} ({t('threshold')} {String(c.threshold)})
          </li>
        ))}
      </ul>
      <h3>{t('Transactions')}</h3>
      <ul className="inline-list">
        {alert.transactionIds.map((id) => (
          <li key={id}>
            <Link to={`/transactions/${id}`}>{id.slice(0, 8)}</Link>
          </li>
        ))}
      </ul>
      {can('fraud:review') && !settled && (
        <div className="row wrap">
          {alert.status === 'open' && (
            <ActionButton
              label={t('Review')}
              reason={t('Note')}
              run={(n) => then(act.review(n))}
              invalidate={keys}
              done={t('Marked as under review.')}
            />
          )}
          <ActionButton
            label={t('Dismiss')}
            reason={t('Reason')}
            run={(r) => then(act.dismiss(r))}
            invalidate={keys}
            done={t('Alert dismissed.')}
          />
          <ActionButton
            label={t('Lock account')}
            danger
            reason={t('Reason')}
            run={(r) => then(act.act('lock_account', r))}
            invalidate={keys}
            done={t('The account is locked.')}
          />
          <ActionButton
            label={t('Hold wallet')}
            danger
            reason={t('Reason')}
            run={(r) => then(act.act('hold_wallet', r))}
            invalidate={keys}
            done={t('The wallet is on hold.')}
          />
        </div>
      )}
    </Section>
  )
}

function Rules() {
  const { t } = useTranslation()
  const { api } = useApp()
  const q = useQuery({ queryKey: fraudKeys.rules, queryFn: () => listRules(api) })
  return (
    <Section title={t('Rules and thresholds')}>
      <QueryView query={q} isEmpty={(d) => d.items.length === 0} empty={t('No rules.')}>
        {(d) => (
          <div className="rules">
            {d.items.map((r) => (
              <RuleEditor key={r.rule + r.updatedAt} rule={r} />
            ))}
          </div>
        )}
      </QueryView>
    </Section>
  )
}

/**
 * A rule's thresholds. A change is back-tested over the last 30 days before it can be saved while the
 * rule is on: the admin sees how many alerts it would have raised first.
 */
function RuleEditor({ rule }: { rule: Rule }) {
  const { t } = useTranslation()
  const { api, can } = useApp()
  const qc = useQueryClient()
  const [params, setParams] = useState<Record<string, string>>(
    Object.fromEntries(
      Object.entries(rule.params).map(([k, v]) => [k, moneyParams.has(k) ? toTyped(v) : String(v)]),
    ),
  )
  const [score, setScore] = useState(String(rule.score))
  const [enabled, setEnabled] = useState(rule.enabled)
  const [tested, setTested] = useState<{ key: string; result: Backtest }>()
  const numbers = Object.fromEntries(
    Object.entries(params).map(([k, v]) => [k, moneyParams.has(k) ? (toMinor(v) ?? NaN) : Number(v)]),
  )
  const valid =
    Object.values(numbers).every((n) => Number.isFinite(n) && n >= 0) && Number.isFinite(Number(score))
  const key = JSON.stringify(numbers)
  const changed =
    key !== JSON.stringify(rule.params) || Number(score) !== rule.score || enabled !== rule.enabled
  // New thresholds, or switching a rule on, waits for a back-test of exactly these thresholds.
  const needsTest = enabled && (key !== JSON.stringify(rule.params) || !rule.enabled) && tested?.key !== key
  const backtest = useMutation({
    mutationFn: () => backtestRule(api, rule.rule, numbers),
    onSuccess: (result) => setTested({ key, result }),
  })
  const save = useMutation({
    mutationFn: () => saveRule(api, rule.rule, { enabled, score: Number(score), params: numbers }),
    onSuccess: () => qc.invalidateQueries({ queryKey: fraudKeys.rules }),
  })
  const title = t(ruleNames[rule.rule] ?? rule.rule)
  const writable = can('fraud:rules')
  return (
    <fieldset className="card inner" aria-label={title}>
      <legend>
        {title} {rule.enabled ? <StatusBadge status="on" /> : <StatusBadge status="off" />}
      </legend>
      <p className="muted">{rule.description}</p>
      <div className="row wrap">
        {Object.keys(rule.params).map((k) => (
          <div className="field small" key={k}>
            <label htmlFor={`${rule.rule}-${k}`}>
              {t(paramNames[k] ?? k)} <code className="muted">{k}</code>
            </label>
            <input
              id={`${rule.rule}-${k}`}
              inputMode={moneyParams.has(k) ? 'decimal' : 'numeric'}
              value={params[k] ?? ''}
              disabled={!writable && !can('fraud:backtest')}
              onChange={(e) => setParams((p) => ({ ...p, [k]: e.target.value }))}
            />
          </div>
        ))}
        <div className="field small">
          <label htmlFor={`${rule.rule}-score`}>{t('Score')}</label>
          <input
            id={`${rule.rule}-score`}
            inputMode="numeric"
            value={score}
            onChange={(e) => setScore(e.target.value)}
          />
        </div>
        {writable && (
          <label className="inline">
            <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />{' '}
            {t('Switched on')}
          </label>
        )}
      </div>
      <div className="row">
        <button
          type="button"
          className="secondary"
          disabled={!valid || backtest.isPending}
          onClick={() => backtest.mutate()}
        >
          {backtest.isPending ? t('Back-testing…') : t('Back-test over 30 days')}
        </button>
        {writable && (
          <button
            type="button"
            disabled={!valid || !changed || needsTest || save.isPending}
            onClick={() => save.mutate()}
          >
            {t('Save rule')}
          </button>
        )}
        {writable && needsTest && changed && (
          <span className="muted">{t('Back-test this change before switching it on.')}</span>
        )}
      </div>
      {tested && (
        <p role="status">
          {t(
            'Over the last 30 days this would have raised {{alerts}} alerts on {{parties}} parties ({{n}} transactions scanned).',
            {
              alerts: tested.result.alerts,
              parties: tested.result.parties,
              n: tested.result.transactionsScanned,
            },
          )}
        </p>
      )}
      {(backtest.error || save.error) && (
        <p className="error-text" role="alert">
          {describeProblem(backtest.error ?? save.error, t)}
        </p>
      )}
      {save.isSuccess && <p className="ok-text">{t('Rule saved.')}</p>}
    </fieldset>
  )
}
