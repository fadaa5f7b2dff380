import { useEffect } from 'react'
import { gopay } from '../bridge'

/** Signs the operator out after `seconds` without a key, a touch or a click. */
export function useIdleSignOut(active: boolean, seconds: number, onSignedOut: () => void) {
  useEffect(() => {
    if (!active) return
    let timer = setTimeout(fire, seconds * 1000)
    function fire() {
      void gopay.session.signOut().then(onSignedOut)
    }
    const reset = () => {
      clearTimeout(timer)
      timer = setTimeout(fire, seconds * 1000)
    }
    const kinds = ['keydown', 'pointerdown', 'touchstart'] as const
    for (const k of kinds) window.addEventListener(k, reset)
    return () => {
      clearTimeout(timer)
      for (const k of kinds) window.removeEventListener(k, reset)
    }
  }, [active, seconds, onSignedOut])
}
