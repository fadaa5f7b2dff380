import { createContext, useContext } from 'react'
import type { Api } from './api'
import type { Answer } from './answers'

export type Me = Answer<'/v1/admin/me'>

export interface AppContextValue {
  api: Api
  me: Me
  /** What the server would allow; the page hides only what the server refuses anyway. */
  can: (permission: string) => boolean
}

export const AppContext = createContext<AppContextValue | undefined>(undefined)

export function useApp(): AppContextValue {
  const v = useContext(AppContext)
  if (!v) throw new Error('useApp outside the signed-in shell')
  return v
}
