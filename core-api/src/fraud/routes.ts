import { z } from 'zod'
import { problem } from '../http/problem'
import { defineRoute } from '../http/route'
import { page, pageOf, pageQuery } from '../http/paging'
import { uuid } from '../http/schemas'
import { ruleNames, ruleParams, type RuleName } from './rules'
import { FraudError, type Alert, type FraudService } from './service'

const alert = z.object({
  id: z.uuid(),
  rule: z.string(),
  score: z.number().int(),
  partyId: z.uuid(),
  partyName: z.string().nullable(),
  transactionIds: z.array(z.uuid()),
  conditions: z.array(z.object({ condition: z.string(), value: z.unknown(), threshold: z.unknown() })),
  status: z.enum(['open', 'reviewing', 'dismissed', 'actioned']),
  note: z.string().nullable(),
  action: z.string().nullable(),
  reviewedBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
})
const rule = z.object({
  rule: z.enum(ruleNames as [RuleName, ...RuleName[]]),
  enabled: z.boolean(),
  score: z.number().int(),
  params: z.record(z.string(), z.number()),
  description: z.string(),
  updatedAt: z.string(),
})
const ruleParam = z.strictObject({ rule: z.enum(ruleNames as [RuleName, ...RuleName[]]) })
const params = z.record(z.string(), z.number())

const fraudProblems: Record<FraudError, ReturnType<typeof problem>> = {
  [FraudError.UnknownAlert]: problem(404, 'not_found', 'No such alert.'),
  [FraudError.Closed]: problem(409, 'duplicate', 'This alert was already closed.'),
  [FraudError.NoWallet]: problem(409, 'validation_failed', 'This party has no wallet to hold.'),
  [FraudError.NoHold]: problem(409, 'validation_failed', 'This alert holds no money (or it was released).'),
}
const fraudProblem = (e: FraudError) => fraudProblems[e]
const answer = (r: Alert | FraudError) => (typeof r === 'string' ? fraudProblem(r) : { status: 200, body: r })

/** Checks a rule's thresholds against its own schema: a wrong one is a 400 naming the field. */
function checkParams(name: RuleName, p: Record<string, number>) {
  const r = ruleParams[name].safeParse(p)
  if (r.success) return null
  const i = r.error.issues[0]!
  return problem(400, 'validation_failed', `params.${i.path.join('.')}: ${i.message}`)
}

export function fraudRoutes({ fraud }: { fraud: FraudService }) {
  return [
    defineRoute({
      method: 'get',
      path: '/v1/admin/fraud/alerts',
      summary: 'Fraud alerts, newest first (the review queue with status=open)',
      tag: 'admin',
      permission: 'backoffice:read',
      query: z.strictObject({
        ...pageQuery,
        status: z.enum(['open', 'reviewing', 'dismissed', 'actioned']).optional(),
        rule: z.enum(ruleNames as [RuleName, ...RuleName[]]).optional(),
        party: z.uuid().optional(),
      }),
      responses: { 200: { description: 'A page of alerts', schema: page(alert) } },
      async handler({ query }) {
        return { status: 200, body: pageOf(await fraud.alerts(query), query.limit) }
      },
    }),
    defineRoute({
      method: 'get',
      path: '/v1/admin/fraud/alerts/:id',
      summary: 'One fraud alert',
      tag: 'admin',
      permission: 'backoffice:read',
      params: z.strictObject({ id: uuid }),
      responses: { 200: { description: 'The alert', schema: alert } },
      async handler({ params }) {
        const a = await fraud.alert(params.id)
        return a ? { status: 200, body: a } : fraudProblem(FraudError.UnknownAlert)
      },
    }),
    defineRoute({
      method: 'post',
      path: '/v1/admin/fraud/alerts/:id/review',
      summary: 'Take an alert into review, with a note',
      tag: 'admin',
      permission: 'fraud:review',
      params: z.strictObject({ id: uuid }),
      body: z.strictObject({ note: z.string().trim().min(3).max(500) }),
      responses: { 200: { description: 'In review', schema: alert } },
      handler: async ({ principal, params, body }) =>
        answer(await fraud.review(params.id, principal.id, body.note)),
    }),
    defineRoute({
      method: 'post',
      path: '/v1/admin/fraud/alerts/:id/dismiss',
      summary: 'Dismiss an alert (a false alarm), with the reason',
      tag: 'admin',
      permission: 'fraud:review',
      params: z.strictObject({ id: uuid }),
      body: z.strictObject({ reason: z.string().trim().min(3).max(500) }),
      responses: { 200: { description: 'Dismissed', schema: alert } },
      handler: async ({ principal, params, body }) =>
        answer(await fraud.dismiss(params.id, principal.id, body.reason)),
    }),
    defineRoute({
      method: 'post',
      path: '/v1/admin/fraud/alerts/:id/act',
      summary: "Act on an alert: lock the party's account, or hold its wallet's balance",
      tag: 'admin',
      permission: 'fraud:review',
      params: z.strictObject({ id: uuid }),
      body: z.strictObject({
        action: z.enum(['lock_account', 'hold_wallet']),
        reason: z.string().trim().min(3).max(500),
      }),
      responses: { 200: { description: 'Acted on', schema: alert } },
      handler: async ({ principal, params, body }) =>
        answer(await fraud.act(params.id, principal.id, body.action, body.reason)),
    }),
    defineRoute({
      method: 'post',
      path: '/v1/admin/fraud/alerts/:id/release-hold',
      summary: 'Give back the money an alert held in the wallet',
      tag: 'admin',
      permission: 'fraud:review',
      params: z.strictObject({ id: uuid }),
      body: z.strictObject({ reason: z.string().trim().min(3).max(500) }),
      responses: { 200: { description: 'Released', schema: alert } },
      handler: async ({ principal, params, body }) =>
        answer(await fraud.releaseHold(params.id, principal.id, body.reason)),
    }),
    defineRoute({
      method: 'get',
      path: '/v1/admin/fraud/rules',
      summary: 'The fraud rules with their thresholds and scores',
      tag: 'admin',
      permission: 'backoffice:read',
      responses: { 200: { description: 'The rules', schema: z.object({ items: z.array(rule) }) } },
      handler: async () => ({ status: 200, body: { items: await fraud.rules() } }),
    }),
    defineRoute({
      method: 'put',
      path: '/v1/admin/fraud/rules/:rule',
      summary: "Change a rule's thresholds, score, or switch it on or off",
      tag: 'admin',
      permission: 'fraud:rules',
      params: ruleParam,
      body: z.strictObject({ enabled: z.boolean(), score: z.number().int().min(1).max(100), params }),
      responses: { 200: { description: 'Changed', schema: rule } },
      async handler({ principal, params: p, body }) {
        const bad = checkParams(p.rule, body.params)
        return bad ?? { status: 200, body: await fraud.updateRule(principal.id, p.rule, body) }
      },
    }),
    defineRoute({
      method: 'post',
      path: '/v1/admin/fraud/rules/:rule/backtest',
      summary:
        'What a rule with these thresholds would have raised over the last 30 days (nothing is written)',
      tag: 'admin',
      permission: 'fraud:backtest',
      params: ruleParam,
      body: z.strictObject({ params }),
      responses: {
        200: {
          description: 'The back-test',
          schema: z.object({
            rule: z.string(),
            from: z.string(),
            to: z.string(),
            transactionsScanned: z.number().int(),
            alerts: z.number().int(),
            parties: z.number().int(),
            sample: z.array(
              z.object({
                partyId: z.uuid(),
                transactionIds: z.array(z.uuid()),
                conditions: z.array(
                  z.object({ condition: z.string(), value: z.unknown(), threshold: z.unknown() }),
                ),
              }),
            ),
          }),
        },
      },
      async handler({ params: p, body }) {
        const bad = checkParams(p.rule, body.params)
        return bad ?? { status: 200, body: await fraud.backtest(p.rule, body.params) }
      },
    }),
  ]
}
