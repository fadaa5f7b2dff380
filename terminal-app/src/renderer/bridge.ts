import type { GopayBridge } from '../bridge/client'
import { httpBridge } from '../bridge/http-client'

declare global {
  interface Window {
    /** Set by Electron's preload; absent in browser mode, where the local server's bridge is used. */
    gopay?: GopayBridge
  }
}

export const gopay: GopayBridge = window.gopay ?? httpBridge()
