import { z, type ZodType } from 'zod'
import type { RouteSpec } from './route'

const jsonSchema = (s: ZodType) =>
  z.toJSONSchema(s, { target: 'draft-2020-12', unrepresentable: 'any', io: 'input' })

const problemSchema = {
  type: 'object',
  required: ['type', 'title', 'status', 'detail', 'code'],
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    code: { type: 'string' },
  },
}

/** OpenAPI 3.1 built from the very schemas that validate requests, so the two cannot drift. */
export function buildOpenApi(routes: RouteSpec[], info: { version: string }) {
  const paths: Record<string, Record<string, unknown>> = {}
  for (const r of routes) {
    const path = r.path.replace(/:([A-Za-z_]+)/g, '{$1}')
    const parameters: unknown[] = []
    for (const [where, schema] of [
      ['path', r.params],
      ['query', r.query],
    ] as const) {
      if (!schema) continue
      const js = jsonSchema(schema) as { properties?: Record<string, unknown>; required?: string[] }
      for (const [name, s] of Object.entries(js.properties ?? {}))
        parameters.push({
          name,
          in: where,
          required: where === 'path' || (js.required ?? []).includes(name),
          schema: s,
        })
    }
    if (r.idempotent)
      parameters.push({
        name: 'Idempotency-Key',
        in: 'header',
        required: true,
        schema: { type: 'string', minLength: 8, maxLength: 255 },
      })
    const responses: Record<string, unknown> = {}
    for (const [status, resp] of Object.entries(r.responses))
      responses[status] = {
        description: resp.description,
        ...(resp.schema
          ? { content: { [resp.contentType ?? 'application/json']: { schema: jsonSchema(resp.schema) } } }
          : resp.contentType
            ? { content: { [resp.contentType]: { schema: { type: 'string', format: 'binary' } } } }
            : {}),
      }
    responses.default = {
      description: 'A problem',
      content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
    }
    paths[path] ??= {}
    paths[path][r.method] = {
      summary: r.summary,
      tags: [r.tag],
      'x-permission': r.permission,
      ...(r.permission === 'public' ? { security: r.security ? [{ [r.security]: [] }] : [] } : {}),
      ...(parameters.length ? { parameters } : {}),
      ...(r.body
        ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(r.body) } } } }
        : r.rawBody
          ? {
              requestBody: {
                required: true,
                content: Object.fromEntries(
                  r.rawBody.types.map((t) => [t, { schema: { type: 'string', format: 'binary' } }]),
                ),
              },
            }
          : {}),
      responses,
    }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'GoPay core API',
      version: info.version,
      description: 'Amounts are integers in minor units; phones are E.164.',
    },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }],
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
        // A terminal's own credential: its id in the path, its device secret in this header.
        terminal: { type: 'apiKey', in: 'header', name: 'X-Terminal-Secret' },
      },
      schemas: { Problem: problemSchema },
    },
    paths,
  }
}
