import { connect } from '@gopay/db'
import { afterAll, describe, expect, it } from 'vitest'
import { apiDocument, createServices } from '../app'
import { loadConfig } from '../config'

// Building the document runs no query: the database handle is never connected.
const url = 'postgres://openapi@127.0.0.1:1/none'
const db = connect({ url, poolMax: 1 })
const doc = apiDocument(createServices(db, loadConfig({ GOPAY_DEMO: '1', DATABASE_URL: url })))
afterAll(() => db.destroy())

/**
 * The only success answers that are not JSON, each with its media type. Every other success answer
 * (but 204) is JSON with a schema, so the typed client types it and no client re-validates by hand.
 */
const notJson: Record<string, string> = {
  'get /v1/admin/users/{id}/id-photo': 'image/*',
  'get /v1/admin/reports/{name}.csv': 'text/csv',
  'get /v1/payment-requests/{id}/events': 'text/event-stream',
}

type Operation = { responses: Record<string, { content?: Record<string, { schema?: object }> }> }

describe('the OpenAPI document', () => {
  const operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops as Record<string, Operation>).map(([method, op]) => ({ at: `${method} ${path}`, op })),
  )

  it('describes the answer of every route that answers JSON', () => {
    const missing: string[] = []
    for (const { at, op } of operations)
      for (const [status, r] of Object.entries(op.responses)) {
        if (!/^2\d\d$/.test(status) || status === '204') continue
        const types = Object.keys(r.content ?? {})
        if (notJson[at]) {
          expect(types, at).toEqual([notJson[at]])
          continue
        }
        const schema = r.content?.['application/json']?.schema
        // An empty schema (`{}`) says nothing either.
        if (!schema || Object.keys(schema).length === 0) missing.push(`${status} ${at}`)
      }
    expect(missing).toEqual([])
  })

  it('lists as not JSON only routes that exist', () => {
    const ats = new Set(operations.map((o) => o.at))
    for (const at of Object.keys(notJson)) expect(ats.has(at), at).toBe(true)
  })

  it('says nothing is in a 204 answer', () => {
    for (const { at, op } of operations) expect(op.responses['204']?.content, at).toBeUndefined()
  })
})
