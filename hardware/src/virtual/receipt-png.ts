import { createRequire } from 'node:module'
import { createCanvas, GlobalFonts } from '@napi-rs/canvas'
import QRCode from 'qrcode'
import type { DecodedReceipt } from './escpos-decoder'

// Printable dots across the paper at 203 dpi: 58 mm → 384, 80 mm → 576.
const DOTS = { 58: 384, 80: 576 } as const
const COLUMNS = { 58: 32, 80: 48 } as const

let fontReady = false
function ensureFont() {
  if (fontReady) return
  // DejaVu Sans Mono from the npm registry: the same glyphs on every machine, no system fonts needed.
  const require = createRequire(import.meta.url)
  for (const weight of ['400', '700'])
    GlobalFonts.registerFromPath(
      require.resolve(`@fontsource/dejavu-mono/files/dejavu-mono-latin-${weight}-normal.woff2`),
      'GoPay Receipt Mono',
    )
  fontReady = true
}

/** Draws a printed receipt as the paper would look, for people and tests to look at. */
export function renderReceiptPng(receipt: DecodedReceipt, width: 58 | 80): Buffer {
  ensureFont()
  const dots = DOTS[width]
  const cell = dots / COLUMNS[width]
  // DejaVu Sans Mono advances 0.602 em per character: pick the size that fits the columns.
  const size = Math.floor(cell / 0.602)
  const lineHeight = Math.round(size * 1.25)
  const margin = 16
  const qrs = receipt.items.map((it) =>
    it.type === 'qr' ? QRCode.create(it.data, { errorCorrectionLevel: 'M' }) : null,
  )
  const qrModule = width === 58 ? 4 : 6
  const height =
    margin * 2 +
    receipt.items.reduce(
      (h, it, i) =>
        h + (it.type === 'text' ? lineHeight * (it.big ? 2 : 1) : (qrs[i]!.modules.size + 8) * qrModule),
      0,
    )
  const canvas = createCanvas(dots + margin * 2, height)
  const ctx = canvas.getContext('2d')
  ctx.fillStyle = '#fff'
  ctx.fillRect(0, 0, canvas.width, canvas.height)
  ctx.fillStyle = '#000'
  ctx.textBaseline = 'top'
  let y = margin
  receipt.items.forEach((it, i) => {
    if (it.type === 'text') {
      ctx.font = `${it.bold ? 'bold ' : ''}${it.big ? size * 2 : size}px "GoPay Receipt Mono"`
      const w = ctx.measureText(it.text).width
      const x =
        it.align === 'center' ? margin + (dots - w) / 2 : it.align === 'right' ? margin + dots - w : margin
      ctx.fillText(it.text, x, y)
      y += lineHeight * (it.big ? 2 : 1)
      return
    }
    const m = qrs[i]!.modules
    const side = (m.size + 8) * qrModule
    const x0 = margin + (dots - side) / 2 + 4 * qrModule
    for (let r = 0; r < m.size; r++)
      for (let c = 0; c < m.size; c++)
        if (m.get(r, c)) ctx.fillRect(x0 + c * qrModule, y + 4 * qrModule + r * qrModule, qrModule, qrModule)
    y += side
  })
  return canvas.toBuffer('image/png')
}
