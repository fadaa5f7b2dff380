import type { Transport } from '../transport/transport'
import { POLE_INIT, poleBytes, type CustomerDisplay, type DisplayScreen } from './customer-display'

/** Mirrors a customer display onto a serial pole display, for terminals without a second screen. */
export async function attachPoleDisplay(display: CustomerDisplay, transport: Transport) {
  await transport.open()
  await transport.write(POLE_INIT)
  const show = (s: DisplayScreen) => transport.write(poleBytes(s)).catch(() => undefined)
  await show(display.screen)
  display.on('change', (s) => void show(s))
  return { close: () => transport.close() }
}
