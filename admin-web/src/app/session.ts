// The staff session: tokens kept in sessionStorage (gone when the tab closes), one refresh in flight
// at a time, and listeners told when the session ends so the shell can go back to sign-in.

export interface Principal {
  id: string
  roles: string[]
  email?: string
}

export interface Session {
  accessToken: string
  refreshToken: string
  /** epoch ms when the access token stops working */
  expiresAt: number
  principal: Principal
}

export type EndReason = 'signed_out' | 'expired'

const KEY = 'gopay.admin.session'

export interface SessionStore {
  get(): Session | undefined
  set(s: Session | undefined, reason?: EndReason): void
  subscribe(fn: (s: Session | undefined, reason?: EndReason) => void): () => void
}

export function createSessionStore(
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>,
): SessionStore {
  let current: Session | undefined
  try {
    const raw = storage.getItem(KEY)
    current = raw ? (JSON.parse(raw) as Session) : undefined
  } catch {
    current = undefined
  }
  const listeners = new Set<(s: Session | undefined, reason?: EndReason) => void>()
  return {
    get: () => current,
    set(s, reason) {
      current = s
      if (s) storage.setItem(KEY, JSON.stringify(s))
      else storage.removeItem(KEY)
      for (const l of listeners) l(s, reason)
    },
    subscribe(fn) {
      listeners.add(fn)
      return () => listeners.delete(fn)
    },
  }
}

export const toSession = (
  body: { accessToken: string; refreshToken: string; expiresIn: number; principal: Principal },
  now = Date.now(),
): Session => ({
  accessToken: body.accessToken,
  refreshToken: body.refreshToken,
  expiresAt: now + body.expiresIn * 1000,
  principal: body.principal,
})
