import { createContext, useContext } from 'react'

/** The admin's display settings: the time zone dates are shown in. */
export interface DisplaySettings {
  timeZone: string
}

export const browserTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'

export const DisplayContext = createContext<DisplaySettings>({ timeZone: 'UTC' })
export const useDisplay = () => useContext(DisplayContext)
