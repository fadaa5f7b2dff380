import { useTranslation } from 'react-i18next'
import { setLanguage, type Language } from './i18n'

export function LanguagePicker() {
  const { t, i18n } = useTranslation()
  return (
    <label className="inline">
      <span>{t('Language')}</span>
      <select
        value={i18n.language}
        onChange={(e) => void setLanguage(e.target.value as Language, localStorage)}
        aria-label={t('Language')}
      >
        <option value="en">English</option>
        <option value="sw">Kiswahili</option>
      </select>
    </label>
  )
}
