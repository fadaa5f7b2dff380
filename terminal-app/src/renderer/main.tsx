import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { initI18n } from './i18n'
import { App } from './app/App'
import { CustomerDisplay } from './display/CustomerDisplay'
import './styles.css'

initI18n()
const queries = new QueryClient({
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } },
})
// The same page is the operator's screen and, at /display (or #display in Electron), the customer's.
const customer = window.location.pathname === '/display' || window.location.hash === '#display'
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queries}>{customer ? <CustomerDisplay /> : <App />}</QueryClientProvider>
  </StrictMode>,
)
