import { z } from 'zod'
import { problem } from '../http/problem'
import { defineRoute } from '../http/route'
import { page, pageOf, pageQuery } from '../http/paging'
import { phone, pin, uuid } from '../http/schemas'
import { pinWeakness } from '../auth/secrets'
import { MerchantAdminError, type AdminMerchant, type MerchantAdmin } from './admin'

const merchant = z.object({
  id: z.uuid(),
  code: z.string(),
  businessName: z.string(),
  phone: z.string(),
  categoryCode: z.string(),
  city: z.string(),
  settlementBankAccount: z.string().nullable(),
  status: z.enum(['active', 'suspended']),
  balance: z.number().int(),
  tills: z.array(z.object({ code: z.string() })),
  createdAt: z.string(),
})
const fields = {
  businessName: z.string().trim().min(2).max(80),
  categoryCode: z.string().regex(/^[0-9]{4}$/, { error: 'categoryCode is a 4-digit merchant category code' }),
  city: z.string().trim().min(2).max(60),
  settlementBankAccount: z
    .string()
    .regex(/^[0-9]{6,20}$/, { error: 'settlementBankAccount is 6 to 20 digits' }),
}
const problems: Record<MerchantAdminError, ReturnType<typeof problem>> = {
  [MerchantAdminError.Unknown]: problem(404, 'not_found', 'No such merchant.'),
  [MerchantAdminError.PhoneTaken]: problem(409, 'duplicate', 'This phone number is already registered.'),
}
const answer = (r: AdminMerchant | MerchantAdminError | undefined, status = 200) => {
  if (r === undefined) return problems[MerchantAdminError.Unknown]
  if (typeof r === 'string') return problems[r]
  const { cursorAt: _, ...body } = r
  return { status, body }
}
const id = z.strictObject({ id: uuid })

export function merchantAdminRoutes({ merchantAdmin }: { merchantAdmin: MerchantAdmin }) {
  return [
    defineRoute({
      method: 'get',
      path: '/v1/admin/merchants',
      summary: 'Merchants with their till and balance, newest first',
      tag: 'admin',
      permission: 'backoffice:read',
      query: z.strictObject({ ...pageQuery, q: z.string().trim().min(1).max(80).optional() }),
      responses: { 200: { description: 'A page of merchants', schema: page(merchant) } },
      handler: async ({ query }) => ({
        status: 200,
        body: pageOf(await merchantAdmin.list(query), query.limit),
      }),
    }),
    defineRoute({
      method: 'post',
      path: '/v1/admin/merchants',
      summary: 'Create a merchant with its till and settlement bank account',
      tag: 'admin',
      permission: 'merchants:manage',
      body: z.strictObject({
        phone,
        pin: pin.refine((p) => !pinWeakness(p), { error: 'That PIN is too easy to guess.' }),
        ...fields,
      }),
      responses: { 201: { description: 'Created', schema: merchant } },
      handler: async ({ principal, body }) => answer(await merchantAdmin.onboard(principal.id, body), 201),
    }),
    defineRoute({
      method: 'get',
      path: '/v1/admin/merchants/:id',
      summary: 'One merchant',
      tag: 'admin',
      permission: 'backoffice:read',
      params: id,
      responses: { 200: { description: 'The merchant', schema: merchant } },
      handler: async ({ params }) => answer(await merchantAdmin.get(params.id)),
    }),
    defineRoute({
      method: 'patch',
      path: '/v1/admin/merchants/:id',
      summary: "Change a merchant's name, category, city or settlement account",
      tag: 'admin',
      permission: 'merchants:manage',
      params: id,
      body: z
        .strictObject(fields)
        .partial()
        .refine((b) => Object.keys(b).length > 0, { error: 'name at least one thing to change' }),
      responses: { 200: { description: 'Changed', schema: merchant } },
      handler: async ({ principal, params, body }) =>
        answer(await merchantAdmin.change(principal.id, params.id, body)),
    }),
    defineRoute({
      method: 'post',
      path: '/v1/admin/merchants/:id/suspend',
      summary: 'Suspend a merchant (its sessions end)',
      tag: 'admin',
      permission: 'merchants:manage',
      params: id,
      body: z.strictObject({ reason: z.string().trim().min(3).max(200) }),
      responses: { 200: { description: 'Suspended', schema: merchant } },
      handler: async ({ principal, params, body }) =>
        answer(await merchantAdmin.setSuspended(principal.id, params.id, true, body.reason)),
    }),
    defineRoute({
      method: 'post',
      path: '/v1/admin/merchants/:id/reactivate',
      summary: 'Reactivate a suspended merchant',
      tag: 'admin',
      permission: 'merchants:manage',
      params: id,
      responses: { 200: { description: 'Active', schema: merchant } },
      handler: async ({ principal, params }) =>
        answer(await merchantAdmin.setSuspended(principal.id, params.id, false)),
    }),
    defineRoute({
      method: 'get',
      path: '/v1/admin/merchants/:id/settlements',
      summary: "A merchant's settlements to its bank account, newest first",
      tag: 'admin',
      permission: 'backoffice:read',
      params: id,
      query: z.strictObject(pageQuery),
      responses: {
        200: {
          description: 'A page of settlements',
          schema: page(
            z.object({
              id: z.uuid(),
              transactionId: z.uuid(),
              amount: z.number().int(),
              status: z.string(),
              bankAccount: z.string().nullable(),
              createdAt: z.string(),
            }),
          ),
        },
      },
      handler: async ({ params, query }) => ({
        status: 200,
        body: pageOf(await merchantAdmin.settlements(params.id, query), query.limit),
      }),
    }),
  ]
}
