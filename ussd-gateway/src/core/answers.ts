import type { paths } from '@gopay/api-client'
import { z } from 'zod'
import type { CoreAnswer } from './client'

/** The JSON body a core route answers with `status`, as the core's OpenAPI document declares it. */
export type CoreJson<
  P extends keyof paths,
  M extends keyof paths[P],
  S extends number = 200,
> = paths[P][M] extends {
  responses: infer R
}
  ? R extends { [K in S]: { content: { 'application/json': infer T } } }
    ? T
    : never
  : never

/**
 * A run-time check of a core answer whose result has the type the core's document gives that answer
 * (or the part of it the menus read: `Pick`). The check may be stricter than the type (a name is not
 * empty), never looser: a change of an answer in the core fails the gateway's typecheck here, once
 * the typed client is regenerated.
 */
const check = <T>(schema: z.ZodType<T>) => schema

/**
 * The shape of every core answer the menus read. An answer that does not fit (a field missing, a
 * name that is not text) is never shown or computed with: it is an `UnexpectedAnswer`, and the user
 * gets a plain sentence instead.
 */
const minor = z.number().int()
const text = z.string().min(1)

type Billers = CoreJson<'/v1/billers', 'get'>
/** Every money route the menus call answers at least the transaction's id. */
type Moved =
  | CoreJson<'/v1/transfers', 'post', 201>
  | CoreJson<'/v1/withdrawals', 'post', 201>
  | CoreJson<'/v1/airtime', 'post', 201 | 202>
  | CoreJson<'/v1/bill-payments', 'post', 201 | 202>
  | CoreJson<'/v1/merchant-payments', 'post', 201>
type History = CoreJson<'/v1/me/transactions', 'get'>

export const answers = {
  subscriber: check<CoreJson<'/v1/ussd/subscribers/{phone}', 'get'>>(
    z.discriminatedUnion('registered', [
      z.object({ registered: z.literal(false) }),
      z.object({
        registered: z.literal(true),
        status: z.enum(['pending_otp', 'active', 'locked', 'closed']),
        firstName: z.string(),
        language: z.enum(['en', 'sw']),
        kycTier: minor,
      }),
    ]),
  ),
  payee: check<CoreJson<'/v1/ussd/payees/{kind}/{ref}', 'get'>>(z.object({ name: text })),
  fee: check<CoreJson<'/v1/ussd/fees', 'get'>>(z.object({ fee: minor.nonnegative() })),
  billers: check<{ items: Array<Pick<Billers['items'][number], 'code' | 'name'>> }>(
    z.object({ items: z.array(z.object({ code: z.string().regex(/^[A-Z0-9]{2,12}$/), name: text })) }),
  ),
  billerAccount: check<
    Pick<
      CoreJson<'/v1/billers/{billerCode}/accounts/{accountNumber}', 'get'>,
      'customerName' | 'billerName' | 'fee'
    >
  >(z.object({ customerName: text, billerName: text, fee: minor.nonnegative() })),
  session: check<Pick<CoreJson<'/v1/ussd/sessions', 'post'>, 'accessToken'>>(z.object({ accessToken: text })),
  // A problem's extra member (the document types problems by their common members only).
  wrongPin: z.object({ remainingAttempts: minor.nonnegative().optional() }),
  // The agent's name comes with a withdrawal only.
  transaction: check<
    Pick<Moved, 'id'> & Partial<Pick<CoreJson<'/v1/withdrawals', 'post', 201>, 'agentName'>>
  >(z.object({ id: z.string().min(8), agentName: z.string().optional() })),
  wallet: check<Pick<CoreJson<'/v1/me/wallet', 'get'>, 'balance' | 'available'>>(
    z.object({ balance: minor, available: minor }),
  ),
  history: check<{
    items: Array<Pick<History['items'][number], 'type' | 'direction' | 'amount' | 'fee' | 'createdAt'>>
  }>(
    z.object({
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
  ),
  limits: check<
    Pick<CoreJson<'/v1/me/limits', 'get'>, 'kycTier' | 'perTransaction' | 'daily' | 'usedToday' | 'monthly'>
  >(
    z.object({
      kycTier: minor,
      perTransaction: minor,
      daily: minor,
      usedToday: minor,
      monthly: minor,
    }),
  ),
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
