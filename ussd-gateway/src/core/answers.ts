import { z } from 'zod'
import type { CoreAnswer } from './client'

/**
 * The shape of every core answer the menus read. An answer that does not fit (a field missing, a
 * name that is not text) is never shown or computed with: it is an `UnexpectedAnswer`, and the user
 * gets a plain sentence instead.
 */
const minor = z.number().int()
const text = z.string().min(1)

export const answers = {
  subscriber: z.object({
    registered: z.boolean(),
    status: z.string().nullish(),
    firstName: z.string().nullish(),
    language: z.enum(['en', 'sw']).nullish(),
  }),
  payee: z.object({ name: text }),
  fee: z.object({ fee: minor.nonnegative() }),
  billers: z.object({ items: z.array(z.object({ code: z.string().regex(/^[A-Z0-9]{2,12}$/), name: text })) }),
  billerAccount: z.object({ customerName: text, billerName: text, fee: minor.nonnegative() }),
  session: z.object({ accessToken: text }),
  wrongPin: z.object({ remainingAttempts: minor.nonnegative().optional() }),
  transaction: z.object({ id: z.string().min(8), agentName: z.string().nullish() }),
  wallet: z.object({ balance: minor, available: minor }),
  history: z.object({
    items: z.array(
      z.object({
        type: text,
        direction: z.enum(['in', 'out']),
        amount: minor,
        fee: minor.nonnegative(),
        createdAt: z.iso.datetime({ offset: true }),
      }),
    ),
  }),
  limits: z.object({
    kycTier: minor,
    perTransaction: minor,
    daily: minor,
    usedToday: minor,
    monthly: minor,
  }),
}

/** A core answer the gateway cannot read: logged, and answered with a plain sentence. */
export class UnexpectedAnswer extends Error {
  constructor(
    readonly what: string,
    readonly status: number,
    readonly issues: string,
  ) {
    super(`unexpected core answer for ${what} (${status}): ${issues}`)
  }
}

/** The answer's body as `schema` says, or an UnexpectedAnswer. */
export function read<S extends z.ZodType>(r: CoreAnswer, schema: S, what: string): z.infer<S> {
  const parsed = schema.safeParse(r.body)
  if (!parsed.success)
    throw new UnexpectedAnswer(
      what,
      r.status,
      parsed.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; '),
    )
  return parsed.data
}
