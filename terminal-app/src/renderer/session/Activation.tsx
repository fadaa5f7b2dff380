import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { gopay } from '../bridge'
import { Field, Problem, Screen } from '../ui'

export function Activation() {
  const { t } = useTranslation()
  const [code, setCode] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  return (
    <Screen title={t('activation.title')}>
      <form
        className="form"
        onSubmit={async (e) => {
          e.preventDefault()
          setBusy(true)
          const r = await gopay.terminal
            .activate({ activationCode: code.trim() })
            .finally(() => setBusy(false))
          if (!r.ok) setError(r.message)
        }}
      >
        <p className="hint">{t('activation.hint')}</p>
        <Field
          label={t('activation.code')}
          name="Activation code"
          autoFocus
          autoComplete="off"
          autoCapitalize="characters"
          value={code}
          onChange={(e) => setCode(e.target.value.toUpperCase())}
        />
        <Problem message={error} />
        <button type="submit" className="primary" disabled={busy || code.trim().length < 4}>
          {t('activation.activate')}
        </button>
      </form>
    </Screen>
  )
}
