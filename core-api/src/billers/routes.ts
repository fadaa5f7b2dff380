import { z } from 'zod'
import { problem } from '../http/problem'
import { defineRoute } from '../http/route'
import { MAX_AMOUNT, uuid } from '../http/schemas'
import { BillerAdminError, type AdminBiller, type BillerAdmin } from './admin'

const biller = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  accountPattern: z.string(),
  fee: z.number().int(),
  active: z.boolean(),
  settlementBankAccount: z.string().nullable(),
})
// The account rule is a regular expression; one that does not compile is refused here.
const accountPattern = z
  .string()
  .min(2)
  .max(200)
  .refine(
    (p) => {
      try {
        new RegExp(p)
        return p.startsWith('^') && p.endsWith('$')
      } catch {
        return false
      }
    },
    { error: 'accountPattern is a regular expression anchored with ^ and $' },
  )
const fields = {
  name: z.string().trim().min(2).max(80),
  accountPattern,
  fee: z.number().int().min(0).max(MAX_AMOUNT),
  settlementBankAccount: z
    .string()
    .regex(/^[0-9]{6,20}$/, { error: 'settlementBankAccount is 6 to 20 digits' }),
}
const answer = (r: AdminBiller | BillerAdminError, status = 200) =>
  r === BillerAdminError.Unknown
    ? problem(404, 'not_found', 'No such biller.')
    : r === BillerAdminError.CodeTaken
      ? problem(409, 'duplicate', 'A biller with this code already exists.')
      : { status, body: r }

export function billerAdminRoutes({ billerAdmin }: { billerAdmin: BillerAdmin }) {
  return [
    defineRoute({
      method: 'get',
      path: '/v1/admin/billers',
      summary: 'Billers with their account rules and fees',
      tag: 'admin',
      permission: 'backoffice:read',
      responses: { 200: { description: 'Billers', schema: z.object({ items: z.array(biller) }) } },
      handler: async () => ({ status: 200, body: { items: await billerAdmin.list() } }),
    }),
    defineRoute({
      method: 'post',
      path: '/v1/admin/billers',
      summary: 'Add a biller: its code, account rule, fee and settlement account',
      tag: 'admin',
      permission: 'billers:manage',
      body: z.strictObject({ code: z.string().regex(/^[A-Z0-9]{2,12}$/), ...fields }),
      responses: { 201: { description: 'Added', schema: biller } },
      handler: async ({ principal, body }) => answer(await billerAdmin.create(principal.id, body), 201),
    }),
    defineRoute({
      method: 'patch',
      path: '/v1/admin/billers/:id',
      summary:
        "Change a biller's name, account rule, fee or settlement account, or suspend it (active: false)",
      tag: 'admin',
      permission: 'billers:manage',
      params: z.strictObject({ id: uuid }),
      body: z
        .strictObject({ ...fields, active: z.boolean() })
        .partial()
        .refine((b) => Object.keys(b).length > 0, { error: 'name at least one thing to change' }),
      responses: { 200: { description: 'Changed', schema: biller } },
      handler: async ({ principal, params, body }) =>
        answer(await billerAdmin.change(principal.id, params.id, body)),
    }),
  ]
}
