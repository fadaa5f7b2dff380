import { z } from 'zod'
import { problem, type Problem } from '../http/problem'
import { defineRoute } from '../http/route'
import { uuid } from '../http/schemas'
import { CardError, isCardError, type CardService } from './service'

export const cardIdentity = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('nfc'),
    uid: z.string().regex(/^[0-9A-Fa-f]{8,20}$/, { error: 'uid is 8 to 20 hex digits' }),
  }),
  z.strictObject({
    kind: z.literal('magstripe'),
    pan: z.string().regex(/^[0-9]{12,19}$/, { error: 'pan is 12 to 19 digits' }),
  }),
])
const card = z.object({
  id: z.uuid(),
  kind: z.enum(['nfc', 'magstripe']),
  last4: z.string(),
  status: z.enum(['active', 'blocked']),
  boundAt: z.string(),
})

const cardProblems: Record<CardError, Problem> = {
  [CardError.AlreadyBound]: problem(409, 'duplicate', 'This card is already bound to a wallet.'),
  [CardError.UnknownCard]: problem(404, 'not_found', 'No GoPay wallet has this card.'),
  [CardError.Blocked]: problem(
    423,
    'account_locked',
    'This card is blocked; ask the holder to contact GoPay.',
  ),
}

export function cardRoutes({ cards }: { cards: CardService }) {
  const answer = <T>(r: T | CardError, status = 200) =>
    isCardError(r) ? cardProblems[r] : { status, body: r }
  return [
    defineRoute({
      method: 'post',
      path: '/v1/me/cards',
      summary: 'Bind a GoPay card (NFC UID or magstripe number) to my wallet',
      tag: 'cards',
      permission: 'cards:manage',
      body: cardIdentity,
      responses: { 201: { description: 'Bound', schema: card } },
      handler: async ({ principal, body }) => answer(await cards.bind(principal.id, body), 201),
    }),
    defineRoute({
      method: 'get',
      path: '/v1/me/cards',
      summary: 'My cards',
      tag: 'cards',
      permission: 'cards:manage',
      responses: { 200: { description: 'Cards', schema: z.object({ items: z.array(card) }) } },
      handler: async ({ principal }) => ({ status: 200, body: { items: await cards.list(principal.id) } }),
    }),
    defineRoute({
      method: 'post',
      path: '/v1/me/cards/:id/block',
      summary: 'Block one of my cards (lost or stolen)',
      tag: 'cards',
      permission: 'cards:manage',
      params: z.strictObject({ id: uuid }),
      responses: { 200: { description: 'Blocked', schema: card } },
      handler: async ({ principal, params }) =>
        answer(
          await cards.block(params.id, {
            actorId: principal.id,
            holderId: principal.id,
            reason: 'blocked by the holder',
          }),
        ),
    }),
    defineRoute({
      method: 'post',
      path: '/v1/admin/cards/:id/block',
      summary: 'Block a card',
      tag: 'admin',
      permission: 'cards:block',
      params: z.strictObject({ id: uuid }),
      body: z.strictObject({ reason: z.string().trim().min(3).max(200) }),
      responses: { 200: { description: 'Blocked', schema: card } },
      handler: async ({ principal, params, body }) =>
        answer(await cards.block(params.id, { actorId: principal.id, reason: body.reason })),
    }),
    defineRoute({
      method: 'post',
      path: '/v1/cards/lookup',
      summary: 'Whose is this card? (a terminal, when a card is tapped or swiped)',
      tag: 'cards',
      permission: 'cards:lookup',
      body: cardIdentity,
      responses: {
        200: {
          description: 'The card and its holder',
          schema: z.object({ card, holder: z.object({ name: z.string(), phone: z.string() }) }),
        },
      },
      handler: async ({ body }) => answer(await cards.lookup(body)),
    }),
  ]
}
