import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { makeBridge } from '../bridge/client'
import { isEvent } from '../bridge/contract'

// window.gopay under context isolation and the sandbox: one object per area, channels `area.action`
// over ipcRenderer.invoke only, `on()` returning its unsubscribe. Inputs are checked here and again
// in main (the trust boundary); answers and events are checked before the renderer sees them.
const gopay = makeBridge(
  (channel, input) => ipcRenderer.invoke(channel, input),
  (event, handler) => {
    if (!isEvent(event)) throw new Error(`no event ${event}`)
    const listener = (_e: IpcRendererEvent, payload: unknown) => handler(payload)
    ipcRenderer.on(`event:${event}`, listener)
    return () => void ipcRenderer.removeListener(`event:${event}`, listener)
  },
)
contextBridge.exposeInMainWorld('gopay', gopay)
