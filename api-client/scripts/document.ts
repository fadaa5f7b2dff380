import { connect } from '@gopay/db'
import { apiDocument, createServices, loadConfig } from '@gopay/core-api'
import openapiTS, { astToString } from 'openapi-typescript'
import ts from 'typescript'

// The core's OpenAPI document, built in-process from the same route table the server mounts. The
// database handle is never connected: building the document runs no query.
export async function coreDocument() {
  const db = connect({ url: 'postgres://openapi@127.0.0.1:1/none', poolMax: 1 })
  try {
    const config = loadConfig({ GOPAY_DEMO: '1', DATABASE_URL: 'postgres://openapi@127.0.0.1:1/none' })
    return apiDocument(createServices(db, config))
  } finally {
    await db.destroy()
  }
}

export const generatedPath = new URL('../src/generated/core.ts', import.meta.url)

const header = `// Generated from the core API's /v1/openapi.json by openapi-typescript: do not edit.
// Regenerate with \`npm run api-client:generate\`; a test fails when this file drifts from the core.
`

/** The TypeScript of the core's paths and schemas, exactly as committed when nothing drifted. */
export async function generateTypes(): Promise<string> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the document is built by the core, openapi-typescript types it loosely
  const ast = await openapiTS((await coreDocument()) as any, {
    alphabetize: true,
    // A raw upload (an ID photo) is sent as bytes, not as a JSON string.
    transform: (schema, { path }) =>
      schema.format === 'binary' && path?.includes('/requestBody/')
        ? ts.factory.createTypeReferenceNode('Blob')
        : undefined,
  })
  return header + astToString(ast)
}
