import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { describeProblem } from '../ui/states'
import type { Api } from './api'
import type { EndReason } from './session'
import { LanguagePicker } from './LanguagePicker'

export function SignIn({ api, ended }: { api: Api; ended?: EndReason }) {
  const { t } = useTranslation()
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()

  async function submit(e: FormEvent) {
    e.preventDefault()
    setBusy(true)
    setError(undefined)
    try {
      await api.signIn(email.trim(), password)
    } catch (err) {
      setError(describeProblem(err, t))
    } finally {
      setBusy(false)
    }
  }

  return (
    <main className="sign-in">
      <form onSubmit={submit} className="card" aria-labelledby="sign-in-title">
        <div className="brand">GoPay</div>
        <h1 id="sign-in-title">{t('Back office sign-in')}</h1>
        {ended === 'expired' && (
          <p className="notice" role="status">
            {t('Your session expired. Sign in again.')}
          </p>
        )}
        {ended === 'signed_out' && (
          <p className="notice" role="status">
            {t('You are signed out.')}
          </p>
        )}
        <div className="field">
          <label htmlFor="email">{t('Email')}</label>
          <input
            id="email"
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="password">{t('Password')}</label>
          <input
            id="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </div>
        {error && (
          <p className="error-text" role="alert">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {busy ? t('Signing in…') : t('Sign in')}
        </button>
        <LanguagePicker />
      </form>
    </main>
  )
}
