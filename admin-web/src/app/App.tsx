import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query'
import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { BrowserRouter, Route, Routes } from 'react-router'
import { AgentPage, AgentsPage } from '../agents/Page'
import { ApprovalsPage } from '../reversals/Page'
import { AuditPage } from '../audit/Page'
import { BillersPage } from '../billers/Page'
import { DashboardPage } from '../dashboard/Page'
import { FraudPage } from '../fraud/Page'
import { HealthPage } from '../health/Page'
import { MerchantPage, MerchantsPage } from '../merchants/Page'
import { ReportsPage } from '../reports/Page'
import { StaffPage } from '../staff/Page'
import { TariffsPage } from '../tariffs/Page'
import { TransactionPage, TransactionsPage } from '../transactions/Page'
import { UserPage, UsersPage } from '../users/Page'
import { DisplayContext, browserTimeZone } from '../ui/settings'
import { ErrorState, Loading } from '../ui/states'
import { createApi, Problem } from './api'
import { AppContext, type Me } from './context'
import { createSessionStore, type EndReason } from './session'
import { Shell } from './Shell'
import { SignIn } from './SignIn'

export function App() {
  const store = useMemo(() => createSessionStore(sessionStorage), [])
  const api = useMemo(() => createApi(store), [store])
  const [session, setSession] = useState(store.get())
  const [ended, setEnded] = useState<EndReason>()
  const queryClient = useMemo(
    () =>
      new QueryClient({
        defaultOptions: {
          queries: {
            // A refusal or a missing row will not change by asking again.
            retry: (n, e) => n < 2 && !(e instanceof Problem && e.status < 500),
            // A back office shows what is true now: every visit reads again (cached data shows meanwhile).
            staleTime: 0,
          },
        },
      }),
    [],
  )
  useEffect(
    () =>
      store.subscribe((s, reason) => {
        setSession(s)
        if (!s) {
          setEnded(reason)
          queryClient.clear()
        }
      }),
    [store, queryClient],
  )
  const display = useMemo(() => ({ timeZone: browserTimeZone() }), [])
  return (
    <QueryClientProvider client={queryClient}>
      <DisplayContext.Provider value={display}>
        {session ? <SignedIn api={api} key={session.principal.id} /> : <SignIn api={api} ended={ended} />}
      </DisplayContext.Provider>
    </QueryClientProvider>
  )
}

function SignedIn({ api }: { api: ReturnType<typeof createApi> }) {
  const { t } = useTranslation()
  const me = useQuery({ queryKey: ['me'], queryFn: () => api.get<Me>('/v1/admin/me'), staleTime: 60_000 })
  if (me.isPending) return <Loading label={t('Signing in…')} />
  if (me.error)
    return (
      <main className="sign-in">
        <div className="card">
          <ErrorState error={me.error} retry={() => void me.refetch()} />
          <button type="button" className="secondary" onClick={() => void api.signOut()}>
            {t('Sign out')}
          </button>
        </div>
      </main>
    )
  const permissions = new Set(me.data.permissions)
  const ctx = { api, me: me.data, can: (p: string) => permissions.has(p) }
  return (
    <AppContext.Provider value={ctx}>
      <BrowserRouter>
        <Shell>
          <Routes>
            <Route path="/" element={<DashboardPage />} />
            <Route path="/users" element={<UsersPage />} />
            <Route path="/users/:id" element={<UserPage />} />
            <Route path="/agents" element={<AgentsPage />} />
            <Route path="/agents/:id" element={<AgentPage />} />
            <Route path="/merchants" element={<MerchantsPage />} />
            <Route path="/merchants/:id" element={<MerchantPage />} />
            <Route path="/billers" element={<BillersPage />} />
            <Route path="/tariffs" element={<TariffsPage />} />
            <Route path="/transactions" element={<TransactionsPage />} />
            <Route path="/transactions/:id" element={<TransactionPage />} />
            <Route path="/approvals" element={<ApprovalsPage />} />
            <Route path="/fraud" element={<FraudPage />} />
            <Route path="/reports" element={<ReportsPage />} />
            <Route path="/audit" element={<AuditPage />} />
            <Route path="/health" element={<HealthPage />} />
            <Route path="/staff" element={<StaffPage />} />
            <Route path="*" element={<ErrorState error={new Problem(404, 'not_found', 'Not found')} />} />
          </Routes>
        </Shell>
      </BrowserRouter>
    </AppContext.Provider>
  )
}
