import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { initI18n } from './i18n'
import './styles.css'

initI18n(localStorage)
document.documentElement.lang = localStorage.getItem('gopay.admin.language') === 'sw' ? 'sw' : 'en'
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
