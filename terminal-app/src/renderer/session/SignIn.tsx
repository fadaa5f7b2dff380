import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { toE164 } from '@gopay/vocabulary'
import { gopay } from '../bridge'
import { Field, Problem, Screen } from '../ui'

export function SignIn({ locked, note }: { locked: boolean; note: string | null }) {
  const { t } = useTranslation()
  const [phone, setPhone] = useState('')
  const [pin, setPin] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  return (
    <Screen title={t('signIn.title')}>
      <form
        className="form"
        onSubmit={async (e) => {
          e.preventDefault()
          const e164 = toE164(phone)
          if (!e164) return setError(t('flow.badPhone'))
          if (!/^\d{4}$/.test(pin)) return setError(t('flow.badPin'))
          setBusy(true)
          const r = await gopay.session.signIn({ phone: e164, pin }).finally(() => setBusy(false))
          if (!r.ok) {
            setError(r.message)
            setPin('')
          }
        }}
      >
        {locked && <p className="problem">{t('signIn.locked')}</p>}
        {note && <p className="hint">{note}</p>}
        <Field
          label={t('signIn.phone')}
          name="Phone"
          type="tel"
          inputMode="tel"
          autoFocus
          value={phone}
          onChange={(e) => setPhone(e.target.value)}
        />
        <Field
          label={t('signIn.pin')}
          name="PIN"
          type="password"
          inputMode="numeric"
          maxLength={4}
          autoComplete="off"
          value={pin}
          onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))}
        />
        <Problem message={error} />
        <button type="submit" className="primary" disabled={busy}>
          {t('signIn.submit')}
        </button>
      </form>
    </Screen>
  )
}
