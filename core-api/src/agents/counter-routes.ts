import { z } from 'zod'
import { problem } from '../http/problem'
import { defineRoute } from '../http/route'
import { personName, phone, pin, uuid } from '../http/schemas'
import { day, receiptSchema } from '../receipts/routes'
import { decodeCursor, type ReceiptService } from '../receipts/service'
import { isUserError, UserError, userErrorToProblem } from '../users/errors'
import type { UserService } from '../users/service'
import type { CounterService } from './counter'

/** Largest ID photo accepted, in bytes. */
export const MAX_ID_PHOTO_BYTES = 2 * 1024 * 1024

// A query string turns a typed `+` into a space: `?phone=+2547…` unencoded still means the E.164 number.
const queryPhone = z.preprocess(
  (v) => (typeof v === 'string' ? v.trim().replace(/^(?=[1-9])/, '+') : v),
  phone,
)
const cursor = z
  .string()
  .max(200)
  .refine((c) => decodeCursor(c) !== null, { error: 'cursor is not one this API gave out' })

const isImage = (type: string, b: Buffer) =>
  type === 'image/jpeg'
    ? b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff
    : type === 'image/png' &&
      b.length > 8 &&
      b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))

export function counterRoutes({
  counter,
  receipts,
  users,
}: {
  counter: CounterService
  receipts: ReceiptService
  users: UserService
}) {
  return [
    defineRoute({
      method: 'get',
      path: '/v1/agents/me/customers/lookup',
      summary: "Who holds this phone's wallet: the registered name to show before cash-in or cash-out",
      tag: 'agents',
      permission: 'customers:lookup',
      query: z.strictObject({ phone: queryPhone }),
      responses: {
        200: {
          description: 'The customer',
          schema: z.object({
            phone: z.string(),
            name: z.string(),
            status: z.enum(['pending_otp', 'active', 'locked', 'closed']),
            kycTier: z.number().int(),
            canTransact: z.boolean(),
          }),
        },
      },
      async handler({ query }) {
        const c = await counter.customer(query.phone)
        return c
          ? { status: 200, body: c }
          : problem(404, 'not_found', 'No GoPay wallet has this phone number.')
      },
    }),
    defineRoute({
      method: 'get',
      path: '/v1/agents/me/float',
      summary: 'My float: balance, available, and whether it is below my low-float threshold',
      tag: 'agents',
      permission: 'float:read',
      responses: {
        200: {
          description: 'The float',
          schema: z.object({
            balance: z.number().int(),
            available: z.number().int(),
            currency: z.string(),
            lowFloatThreshold: z.number().int(),
            low: z.boolean(),
          }),
        },
      },
      async handler({ principal }) {
        const f = await counter.float(principal.id)
        return f ? { status: 200, body: f } : problem(404, 'not_found', 'You have no float in this currency.')
      },
    }),
    defineRoute({
      method: 'get',
      path: '/v1/agents/me/transactions',
      summary: "My transactions of one day (the GoPay time zone's day), newest first, a page at a time",
      tag: 'agents',
      permission: 'float:read',
      query: z.strictObject({
        date: day,
        limit: z.coerce.number().int().min(1).max(100).default(50),
        cursor: cursor.optional(),
      }),
      responses: {
        200: {
          description: 'A page',
          schema: z.object({
            date: z.string(),
            items: z.array(receiptSchema),
            nextCursor: z.string().nullable(),
          }),
        },
      },
      handler: async ({ principal, query }) => ({
        status: 200,
        body: { date: query.date, ...(await receipts.day(principal.id, query)) },
      }),
    }),
    defineRoute({
      method: 'get',
      path: '/v1/agents/me/commissions',
      summary: 'My commission statement for a period: earned per transaction, paid out, still owed',
      tag: 'agents',
      permission: 'commissions:read',
      query: z
        .strictObject({ from: day, to: day })
        .refine((q) => q.from <= q.to, { error: 'from is after to', path: ['from'] })
        .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 92 * 86_400_000, {
          error: 'a statement covers at most 92 days',
          path: ['to'],
        }),
      responses: {
        200: {
          description: 'The statement',
          schema: z.object({
            currency: z.string(),
            from: z.string(),
            to: z.string(),
            accrued: z.number().int().describe('Commission earned on transactions of the period'),
            paid: z.number().int().describe('Commission paid into the float during the period'),
            outstanding: z.number().int().describe('Earned and not yet paid, now'),
            items: z.array(
              z.object({
                transactionId: z.uuid(),
                reference: z.string(),
                type: z.string(),
                amount: z.number().int(),
                commission: z.number().int(),
                createdAt: z.string(),
              }),
            ),
            payouts: z.array(
              z.object({
                transactionId: z.uuid(),
                reference: z.string(),
                amount: z.number().int(),
                createdAt: z.string(),
              }),
            ),
          }),
        },
      },
      handler: async ({ principal, query }) => ({
        status: 200,
        body: await counter.commissions(principal.id, query),
      }),
    }),
    defineRoute({
      method: 'get',
      path: '/v1/agents/me/withdrawals',
      summary: 'Withdrawals customers started to me (last 7 days): the cash to hand over',
      tag: 'agents',
      permission: 'cash_handover:create',
      query: z.strictObject({
        status: z.enum(['awaiting_cash', 'handed_over', 'all']).default('awaiting_cash'),
      }),
      responses: {
        200: { description: 'Withdrawals', schema: z.object({ items: z.array(receiptSchema) }) },
      },
      handler: async ({ principal, query }) => ({
        status: 200,
        body: { items: await counter.withdrawals(principal.id, query.status) },
      }),
    }),
    defineRoute({
      method: 'post',
      path: '/v1/agents/me/withdrawals/:id/handover',
      summary: "Record a withdrawal's cash as handed over (once); answers the receipt to print",
      tag: 'agents',
      permission: 'cash_handover:create',
      idempotent: true,
      params: z.strictObject({ id: uuid }),
      responses: { 201: { description: 'Recorded', schema: receiptSchema } },
      async handler({ trx, principal, params }) {
        const session = await trx('refresh_token_families')
          .where({ id: principal.sessionId })
          .first('terminal_id')
        const r = await counter.handOver(trx, principal.id, params.id, session?.terminal_id ?? null)
        if (r === 'unknown') return problem(404, 'not_found', 'No withdrawal to you has this id.')
        if (r === 'already_handed_over')
          return problem(409, 'duplicate', "This withdrawal's cash was already handed over.")
        return { status: 201, body: r }
      },
    }),
    defineRoute({
      method: 'post',
      path: '/v1/agents/me/customers',
      summary:
        'Register a customer at the counter with their ID; the phone is then confirmed with the SMS code (POST /v1/users/confirm-phone)',
      tag: 'agents',
      permission: 'customers:register',
      body: z.strictObject({
        phone,
        firstName: personName,
        lastName: personName,
        idType: z.enum(['national_id', 'passport', 'alien_id']),
        idNumber: z
          .string()
          .trim()
          .regex(/^[A-Za-z0-9]{4,20}$/, { error: 'idNumber is 4 to 20 letters or digits' }),
        pin,
        language: z.enum(['en', 'sw']).optional(),
      }),
      responses: {
        201: {
          description: 'Registered; waiting for the SMS code',
          schema: z.object({
            id: z.uuid(),
            phone: z.string(),
            firstName: z.string(),
            lastName: z.string(),
            kycTier: z.number().int(),
            status: z.string(),
            language: z.string(),
            notifyBySms: z.boolean(),
          }),
        },
      },
      async handler({ principal, body }) {
        const r = await users.registerAtCounter(principal.id, body)
        return 'error' in r ? userErrorToProblem(r.error, r.detail) : { status: 201, body: r }
      },
    }),
    defineRoute({
      method: 'put',
      path: '/v1/agents/me/customers/:id/id-photo',
      summary: 'A photo of the ID of a customer I registered: the raw JPEG or PNG, up to 2 MB',
      tag: 'agents',
      permission: 'customers:register',
      params: z.strictObject({ id: uuid }),
      rawBody: { types: ['image/jpeg', 'image/png'], limit: '2mb' },
      responses: {
        201: {
          description: 'Stored',
          schema: z.object({
            customerId: z.uuid(),
            contentType: z.enum(['image/jpeg', 'image/png']),
            size: z.number().int(),
            sha256: z.string(),
            uploadedAt: z.string(),
          }),
        },
      },
      async handler({ req, principal, params }) {
        const type = (req.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
        const content = req.body
        if (!Buffer.isBuffer(content) || !isImage(type, content))
          return problem(
            400,
            'validation_failed',
            'Send the photo as the raw body, Content-Type image/jpeg or image/png.',
          )
        const stored = await users.storeIdPhoto(principal.id, params.id, {
          contentType: type as 'image/jpeg' | 'image/png',
          content,
        })
        if (isUserError(stored)) return userErrorToProblem(UserError.UnknownUser)
        return {
          status: 201,
          body: {
            customerId: params.id,
            contentType: type,
            size: stored.size,
            sha256: stored.sha256,
            uploadedAt: stored.uploadedAt,
          },
        }
      },
    }),
    defineRoute({
      method: 'get',
      path: '/v1/admin/users/:id/id-photo',
      summary: "A customer's latest ID photo, for KYC review (the image itself)",
      tag: 'admin',
      permission: 'kyc_documents:read',
      params: z.strictObject({ id: uuid }),
      responses: { 200: { description: 'The image', contentType: 'image/*' } },
      async handler({ params }) {
        const p = await users.idPhoto(params.id)
        if (!p) return problem(404, 'not_found', 'No ID photo of this user.')
        return {
          status: 200,
          body: p.content,
          headers: { 'Content-Type': p.contentType, 'Cache-Control': 'private, no-store' },
        }
      },
    }),
  ]
}
