import { useCallback, useEffect, useState } from 'react'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { TerminalInfo } from '../../bridge/contract'
import { gopay } from '../bridge'
import { Activation } from '../session/Activation'
import { SignIn } from '../session/SignIn'
import { useIdleSignOut } from '../session/useIdleSignOut'
import { CashInScreen } from '../cash-in/Screen'
import { CashOutScreen } from '../cash-out/Screen'
import { WithdrawalsScreen } from '../withdrawals/Screen'
import { RegistrationScreen } from '../registration/Screen'
import { FloatScreen } from '../float/Screen'
import { FloatBar } from '../float/FloatBar'
import { CommissionsScreen } from '../commissions/Screen'
import { TransactionsScreen } from '../transactions/Screen'
import { CheckoutScreen } from '../checkout/Screen'
import { RefundsScreen } from '../refunds/Screen'
import { EndOfDayScreen } from '../end-of-day/Screen'
import { StatusBar } from './StatusBar'

const agentMenu = [
  'cashIn',
  'cashOut',
  'withdrawals',
  'register',
  'float',
  'commissions',
  'transactions',
] as const
const merchantMenu = ['newSale', 'refunds', 'endOfDay'] as const
type Route = 'home' | (typeof agentMenu)[number] | (typeof merchantMenu)[number]
// English accessible names of the menu buttons (CONTRACT.md), whatever the language shown.
const names: Record<Exclude<Route, 'home'>, string> = {
  cashIn: 'Cash in',
  cashOut: 'Cash out',
  withdrawals: 'Customer withdrawals',
  register: 'Register customer',
  float: 'Float requests',
  commissions: 'Commissions',
  transactions: "Today's transactions",
  newSale: 'New sale',
  refunds: 'Refunds',
  endOfDay: 'End of day',
}
const IDLE_SECONDS = Number(new URLSearchParams(window.location.search).get('idle') ?? 180)

export function App() {
  const { t, i18n } = useTranslation()
  const queries = useQueryClient()
  const info = useQuery({ queryKey: ['terminal'], queryFn: () => gopay.terminal.info() })
  const [route, setRoute] = useState<Route>('home')
  const [note, setNote] = useState<string | null>(null)
  /** The customer a cash-in starts with (one just registered and confirmed at the counter). */
  const [cashInPhone, setCashInPhone] = useState<string | undefined>(undefined)
  useEffect(
    () =>
      gopay.on('terminal.changed', (next: TerminalInfo) => {
        queries.setQueryData(['terminal'], next)
        if (!next.operator) setRoute('home')
      }),
    [queries],
  )
  const ti = info.data
  const signedIn = !!ti?.operator
  const onIdle = useCallback(
    () =>
      setNote(
        t('signIn.idle', {
          duration: IDLE_SECONDS < 60 ? `${IDLE_SECONDS} s` : `${Math.round(IDLE_SECONDS / 60)} min`,
        }),
      ),
    [t],
  )
  useIdleSignOut(signedIn, IDLE_SECONDS, onIdle)
  const home = () => {
    setCashInPhone(undefined)
    setRoute('home')
  }
  const menu = ti?.kind === 'merchant' ? merchantMenu : agentMenu

  useEffect(() => {
    if (!signedIn || route !== 'home') return
    // Digits pick a menu entry: the whole terminal works from the keyboard.
    const onKey = (e: KeyboardEvent) => {
      const n = Number(e.key)
      if (e.target instanceof HTMLInputElement || !(n >= 1 && n <= menu.length)) return
      setRoute(menu[n - 1]!)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [signedIn, route, menu])

  let body
  if (!ti) body = <p className="status-line">…</p>
  else if (!ti.activated) body = <Activation />
  else if (ti.unresolved > 0 && !signedIn)
    body = (
      <>
        <p className="status-line checking" role="status">
          {t('checkingEarlier')}
        </p>
        <SignIn locked={ti.status === 'locked'} note={note} />
      </>
    )
  else if (!signedIn) body = <SignIn locked={ti.status === 'locked'} note={note} />
  else if (ti.unresolved > 0)
    body = (
      <p className="status-line checking" role="status">
        {t('checkingEarlier')}
      </p>
    )
  else {
    const c = ti.currency
    switch (route) {
      case 'cashIn':
        body = <CashInScreen currency={c} onHome={home} phone={cashInPhone} />
        break
      case 'cashOut':
        body = <CashOutScreen currency={c} onHome={home} />
        break
      case 'withdrawals':
        body = <WithdrawalsScreen onHome={home} />
        break
      case 'register':
        body = (
          <RegistrationScreen
            onHome={home}
            onCashIn={(phone) => {
              setCashInPhone(phone)
              setRoute('cashIn')
            }}
          />
        )
        break
      case 'float':
        body = <FloatScreen onHome={home} />
        break
      case 'commissions':
        body = <CommissionsScreen onHome={home} />
        break
      case 'transactions':
        body = <TransactionsScreen onHome={home} />
        break
      case 'newSale':
        body = <CheckoutScreen currency={c} onHome={home} />
        break
      case 'refunds':
        body = <RefundsScreen onHome={home} />
        break
      case 'endOfDay':
        body = <EndOfDayScreen onHome={home} />
        break
      default:
        body = (
          <nav className="menu" aria-label="Menu">
            {menu.map((r, i) => (
              <button
                key={r}
                type="button"
                className="tile"
                aria-label={names[r]}
                autoFocus={i === 0}
                onClick={() => setRoute(r)}
              >
                <span className="key">{i + 1}</span> {t(`menu.${r}`)}
              </button>
            ))}
          </nav>
        )
    }
  }

  return (
    <div className="app">
      <header className="top">
        <strong className="brand">GoPay</strong>
        <span className="business">
          {ti?.businessName ?? ''}
          {ti?.operator ? ` · ${ti.operator.phone}` : ''}
        </span>
        {ti?.kind === 'agent' && signedIn && <FloatBar />}
        <button
          type="button"
          className="ghost small"
          onClick={() => {
            const lng = i18n.language === 'sw' ? 'en' : 'sw'
            localStorage.setItem('gopay.lang', lng)
            void i18n.changeLanguage(lng)
          }}
        >
          {t('app.language')}
        </button>
        {signedIn && (
          <button
            type="button"
            className="ghost small"
            aria-label="Sign out"
            onClick={() => {
              setNote(null)
              void gopay.session.signOut()
            }}
          >
            {t('signOut')}
          </button>
        )}
      </header>
      <main className="body">{body}</main>
      <StatusBar />
    </div>
  )
}
