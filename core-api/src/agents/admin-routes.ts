import { z } from 'zod'
import { problem } from '../http/problem'
import { defineRoute } from '../http/route'
import { page, pageOf, pageQuery } from '../http/paging'
import { MAX_AMOUNT, phone, pin, uuid } from '../http/schemas'
import { pinWeakness } from '../auth/secrets'
import { AgentAdminError, type AdminAgent, type AgentAdmin } from './admin'

const agent = z.object({
  id: z.uuid(),
  code: z.string(),
  businessName: z.string(),
  phone: z.string(),
  location: z.string().nullable(),
  bankAccount: z.string().nullable(),
  floatThreshold: z.number().int(),
  commissionTariff: z.string(),
  status: z.enum(['active', 'suspended']),
  floatBalance: z.number().int(),
  belowThreshold: z.boolean(),
  createdAt: z.string(),
})
const fields = {
  businessName: z.string().trim().min(2).max(80),
  location: z.string().trim().min(2).max(120),
  bankAccount: z.string().regex(/^[0-9]{6,20}$/, { error: 'bankAccount is 6 to 20 digits' }),
  floatThreshold: z.number().int().min(0).max(MAX_AMOUNT),
  commissionTariff: z.string().regex(/^[a-z_]{2,30}$/),
}
const problems: Record<AgentAdminError, ReturnType<typeof problem>> = {
  [AgentAdminError.Unknown]: problem(404, 'not_found', 'No such agent.'),
  [AgentAdminError.PhoneTaken]: problem(409, 'duplicate', 'This phone number is already registered.'),
  [AgentAdminError.UnknownTariff]: problem(
    400,
    'validation_failed',
    'body.commissionTariff: no such commission tariff',
  ),
}
const answer = (r: AdminAgent | AgentAdminError | undefined, status = 200) => {
  if (r === undefined) return problems[AgentAdminError.Unknown]
  if (typeof r === 'string') return problems[r]
  const { cursorAt: _, ...body } = r
  return { status, body }
}
const id = z.strictObject({ id: uuid })

export function agentAdminRoutes({ agentAdmin }: { agentAdmin: AgentAdmin }) {
  return [
    defineRoute({
      method: 'get',
      path: '/v1/admin/agents',
      summary: 'Agents with their float positions, newest first',
      tag: 'admin',
      permission: 'backoffice:read',
      query: z.strictObject({
        ...pageQuery,
        q: z.string().trim().min(1).max(80).optional(),
        status: z.enum(['active', 'suspended']).optional(),
        belowThreshold: z
          .enum(['true', 'false'])
          .transform((v) => v === 'true')
          .optional(),
      }),
      responses: { 200: { description: 'A page of agents', schema: page(agent) } },
      handler: async ({ query }) => ({
        status: 200,
        body: pageOf(await agentAdmin.list(query), query.limit),
      }),
    }),
    defineRoute({
      method: 'post',
      path: '/v1/admin/agents',
      summary: 'Onboard an agent: business, location, bank account, float threshold, commission tariff',
      tag: 'admin',
      permission: 'agents:manage',
      body: z.strictObject({
        phone,
        pin: pin.refine((p) => !pinWeakness(p), { error: 'That PIN is too easy to guess.' }),
        ...fields,
      }),
      responses: { 201: { description: 'Onboarded', schema: agent } },
      handler: async ({ principal, body }) => answer(await agentAdmin.onboard(principal.id, body), 201),
    }),
    defineRoute({
      method: 'get',
      path: '/v1/admin/agents/:id',
      summary: 'One agent',
      tag: 'admin',
      permission: 'backoffice:read',
      params: id,
      responses: { 200: { description: 'The agent', schema: agent } },
      handler: async ({ params }) => answer(await agentAdmin.get(params.id)),
    }),
    defineRoute({
      method: 'patch',
      path: '/v1/admin/agents/:id',
      summary:
        "Change an agent's business name, location, bank account, float threshold or commission tariff",
      tag: 'admin',
      permission: 'agents:manage',
      params: id,
      body: z
        .strictObject(fields)
        .partial()
        .refine((b) => Object.keys(b).length > 0, { error: 'name at least one thing to change' }),
      responses: { 200: { description: 'Changed', schema: agent } },
      handler: async ({ principal, params, body }) =>
        answer(await agentAdmin.change(principal.id, params.id, body)),
    }),
    defineRoute({
      method: 'post',
      path: '/v1/admin/agents/:id/suspend',
      summary: 'Suspend an agent (its sessions end)',
      tag: 'admin',
      permission: 'agents:manage',
      params: id,
      body: z.strictObject({ reason: z.string().trim().min(3).max(200) }),
      responses: { 200: { description: 'Suspended', schema: agent } },
      handler: async ({ principal, params, body }) =>
        answer(await agentAdmin.setSuspended(principal.id, params.id, true, body.reason)),
    }),
    defineRoute({
      method: 'post',
      path: '/v1/admin/agents/:id/reactivate',
      summary: 'Reactivate a suspended agent',
      tag: 'admin',
      permission: 'agents:manage',
      params: id,
      responses: { 200: { description: 'Active', schema: agent } },
      handler: async ({ principal, params }) =>
        answer(await agentAdmin.setSuspended(principal.id, params.id, false)),
    }),
    defineRoute({
      method: 'get',
      path: '/v1/admin/agents/:id/float-statement',
      summary: "An agent's float, line by line, newest first, with the balance after each line",
      tag: 'admin',
      permission: 'backoffice:read',
      params: id,
      query: z.strictObject(pageQuery),
      responses: {
        200: {
          description: 'A page of the statement',
          schema: page(
            z.object({
              entryId: z.string(),
              transactionId: z.string().nullable(),
              type: z.string().nullable(),
              amount: z.number().int(),
              balanceAfter: z.number().int(),
              createdAt: z.string(),
            }),
          ),
        },
      },
      handler: async ({ params, query }) => ({
        status: 200,
        body: await agentAdmin.floatStatement(params.id, query),
      }),
    }),
    defineRoute({
      method: 'get',
      path: '/v1/admin/agents/:id/commission-statement',
      summary: "An agent's commissions earned and paid out, newest first, with what is due",
      tag: 'admin',
      permission: 'backoffice:read',
      params: id,
      query: z.strictObject(pageQuery),
      responses: {
        200: {
          description: 'A page of the statement',
          schema: page(
            z.object({
              id: z.string(),
              transactionId: z.string().nullable(),
              type: z.string().nullable(),
              amount: z.number().int().nullable(),
              commission: z.number().int(),
              createdAt: z.string(),
            }),
          ).extend({ due: z.number().int() }),
        },
      },
      async handler({ params, query }) {
        const r = await agentAdmin.commissionStatement(params.id, query)
        return { status: 200, body: { ...pageOf(r.rows, query.limit), due: r.due } }
      },
    }),
    defineRoute({
      method: 'get',
      path: '/v1/admin/commission-tariffs',
      summary: "The agents' commission tariffs (each a share of the fee tariff's commission)",
      tag: 'admin',
      permission: 'backoffice:read',
      responses: {
        200: {
          description: 'Tariffs',
          schema: z.object({
            items: z.array(z.object({ code: z.string(), name: z.string(), shareBps: z.number().int() })),
          }),
        },
      },
      handler: async () => ({ status: 200, body: { items: await agentAdmin.commissionTariffs() } }),
    }),
  ]
}
