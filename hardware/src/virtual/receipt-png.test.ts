import { createCanvas, loadImage } from '@napi-rs/canvas'
import jsQR from 'jsqr'
import { describe, expect, it } from 'vitest'
import { renderReceipt } from '../printer/receipts'
import { sampleHeader, sampleReceipts } from '../printer/samples'
import { EscPosDecoder } from './escpos-decoder'
import { renderReceiptPng } from './receipt-png'

describe.each([58, 80] as const)('receipt as a picture, %i mm', (width) => {
  it('is as wide as the paper, and its QR code scans back to the reference', async () => {
    const d = new EscPosDecoder()
    d.feed(renderReceipt(sampleReceipts.bill, sampleHeader, { width }))
    const png = renderReceiptPng(d.receipts[0]!, width)
    expect(png.subarray(1, 4).toString()).toBe('PNG')
    const img = await loadImage(png)
    expect(img.width).toBe((width === 58 ? 384 : 576) + 32)
    const canvas = createCanvas(img.width, img.height)
    const ctx = canvas.getContext('2d')
    ctx.drawImage(img, 0, 0)
    const { data } = ctx.getImageData(0, 0, img.width, img.height)
    expect(jsQR(new Uint8ClampedArray(data), img.width, img.height)?.data).toBe('BL7C9E6679')
    // Ink on the paper: text was drawn, not only the code.
    let dark = 0
    for (let i = 0; i < data.length; i += 4) if (data[i]! < 128) dark++
    expect(dark).toBeGreaterThan(5_000)
  })
})
