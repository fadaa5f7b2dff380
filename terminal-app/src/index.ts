// The terminal app: its browser mode (the local server and bridge) for `npm start`, tests and kiosks.
export { startBrowserTerminal, rendererDir } from './server/browser-mode'
export { ensureRendererBuilt } from './server/build'
export { createTerminal, type Terminal, type TerminalOptions } from './node/terminal'
export { enrolDemoTerminal } from './node/demo'
