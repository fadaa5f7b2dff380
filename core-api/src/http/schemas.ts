import { z } from 'zod'

/** Largest amount accepted in one request, in minor units (1 trillion shillings): far past any limit. */
export const MAX_AMOUNT = 100_000_000_000_000

// JSON numbers only: a string, a float, zero, a negative or an inexact huge number is refused.
export const amount = z
  .number({ error: 'amount must be an integer number of minor units' })
  .int({ error: 'amount must be an integer number of minor units (150050 = 1,500.50)' })
  .positive({ error: 'amount must be more than zero' })
  .max(MAX_AMOUNT, { error: 'amount is too large' })

export const phone = z
  .string()
  .regex(/^\+[1-9][0-9]{7,14}$/, { error: 'phone must be in E.164 form, such as +254711000001' })
export const pin = z.string().regex(/^[0-9]{4}$/, { error: 'PIN must be 4 digits' })
export const personName = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .regex(/^[\p{L}\p{M}' .-]+$/u, { error: 'names may hold letters, spaces, apostrophes, dots and hyphens' })
export const uuid = z.uuid()

export const transaction = z.object({
  id: z.uuid(),
  type: z.string(),
  status: z.enum(['pending', 'completed', 'failed', 'reversed']),
  amount: z.number().int(),
  fee: z.number().int(),
  currency: z.string(),
  createdAt: z.string(),
})

/** An instant as the API writes it: an ISO 8601 string in UTC (`Date.prototype.toISOString`). */
export const instant = z.iso.datetime()

/** A money movement still waiting on a partner (202): it settles or fails later, by its reference. */
export const pendingTransaction = z.object({
  id: z.uuid(),
  type: z.string(),
  status: z.literal('pending'),
  amount: z.number().int(),
  fee: z.number().int(),
  currency: z.string(),
  reference: z.string(),
  createdAt: instant,
})
