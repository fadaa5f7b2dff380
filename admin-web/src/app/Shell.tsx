import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { NavLink } from 'react-router'
import { NoticeArea } from '../ui/notice'
import { useDisplay } from '../ui/settings'
import { useApp } from './context'
import { LanguagePicker } from './LanguagePicker'
import { visibleSections } from './nav'

const roleNames: Record<string, string> = { admin: 'Admin', sub_admin: 'Sub-admin', auditor: 'Auditor' }

export function Shell({ children }: { children: ReactNode }) {
  const { t } = useTranslation()
  const { api, me, can } = useApp()
  const { timeZone } = useDisplay()
  return (
    <div className="shell">
      <aside className="sidebar">
        <div className="brand">GoPay</div>
        <nav aria-label={t('Sections')}>
          <ul>
            {visibleSections(can).map((s) => (
              <li key={s.path}>
                <NavLink to={s.path} end={s.path === '/'}>
                  {t(s.label)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </aside>
      <div className="main">
        <header className="topbar">
          <span className="who">
            <strong>{me.displayName || me.email}</strong>{' '}
            <span className="badge role">{t(roleNames[me.role] ?? me.role)}</span>
          </span>
          <span className="muted" title={t('Dates are shown in this time zone')}>
            {timeZone}
          </span>
          <LanguagePicker />
          <button type="button" className="secondary" onClick={() => void api.signOut()}>
            {t('Sign out')}
          </button>
        </header>
        <main className="content">
          <NoticeArea>{children}</NoticeArea>
        </main>
      </div>
    </div>
  )
}
