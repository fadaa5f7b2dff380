import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react'
import { useLocation } from 'react-router'

/**
 * The sentence saying what the last action did. It lives above the page, so it outlives the button
 * that caused it (an approved request leaves the pending list; its button goes with it).
 */
const NoticeContext = createContext<(text: ReactNode) => void>(() => {})
export const useNotify = () => useContext(NoticeContext)

export function NoticeArea({ children }: { children: ReactNode }) {
  const [notice, setNotice] = useState<{ text: ReactNode; at: number }>()
  const location = useLocation()
  useEffect(() => setNotice(undefined), [location.pathname])
  const notify = useCallback((text: ReactNode) => setNotice({ text, at: Date.now() }), [])
  return (
    <NoticeContext.Provider value={notify}>
      {notice && (
        <p className="notice page-notice" role="status" key={notice.at}>
          {notice.text}
        </p>
      )}
      {children}
    </NoticeContext.Provider>
  )
}
