import { formatAmount, formatMoney, type Minor } from '@gopay/vocabulary'
import { useDisplay } from './settings'

/** Minor units from the API, in the wallet's currency. */
export function Money({ minor, currency }: { minor: Minor | string | null | undefined; currency?: string }) {
  if (minor === null || minor === undefined || minor === '') return <span className="muted">—</span>
  const m = typeof minor === 'string' ? BigInt(minor) : minor
  const negative = typeof m === 'bigint' ? m < 0n : m < 0
  return (
    <span className={negative ? 'money negative' : 'money'}>
      {currency ? formatMoney(m, currency) : formatAmount(m)}
    </span>
  )
}

export function formatDateTime(iso: string | number | Date, timeZone: string, withSeconds = false): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return String(iso)
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: 'short',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: withSeconds ? '2-digit' : undefined,
    hourCycle: 'h23',
  }).format(d)
}

/** A date in the admin's time zone; the full instant (UTC) in the tooltip. */
export function DateTime({ value, seconds }: { value: string | null | undefined; seconds?: boolean }) {
  const { timeZone } = useDisplay()
  if (!value) return <span className="muted">—</span>
  return (
    <time dateTime={value} title={new Date(value).toISOString()}>
      {formatDateTime(value, timeZone, seconds)}
    </time>
  )
}

/** Today (YYYY-MM-DD) in a time zone. */
export function todayIn(timeZone: string, now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now)
}
