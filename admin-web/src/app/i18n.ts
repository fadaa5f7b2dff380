import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import { sw } from './sw'

// English text is the key (what the screens say, and what tests find elements by); Swahili maps it.
// A missing Swahili entry falls back to English, and app/i18n.test.ts lists any that are missing.
export const languages = ['en', 'sw'] as const
export type Language = (typeof languages)[number]
const KEY = 'gopay.admin.language'

export function initI18n(storage?: Pick<Storage, 'getItem'>) {
  const saved = storage?.getItem(KEY)
  void i18next.use(initReactI18next).init({
    lng: saved === 'sw' ? 'sw' : 'en',
    fallbackLng: 'en',
    resources: { en: { translation: {} }, sw: { translation: sw } },
    keySeparator: false,
    nsSeparator: false,
    interpolation: { escapeValue: false },
    returnEmptyString: false,
  })
  return i18next
}

export function setLanguage(lang: Language, storage?: Pick<Storage, 'setItem'>) {
  storage?.setItem(KEY, lang)
  document.documentElement.lang = lang
  return i18next.changeLanguage(lang)
}
