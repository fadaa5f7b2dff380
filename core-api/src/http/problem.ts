import type { ErrorRequestHandler, Response } from 'express'

/** The stable codes of CONTRACT.md. */
export type ProblemCode =
  | 'validation_failed'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'insufficient_funds'
  | 'limit_exceeded'
  | 'invalid_pin'
  | 'account_locked'
  | 'idempotency_conflict'
  | 'duplicate'
  | 'unavailable'
  | 'declined'
  | 'payload_too_large'
  | 'rate_limited'
  | 'internal'

export interface Problem {
  type: string
  title: string
  status: number
  detail: string
  code: ProblemCode
  [extension: string]: unknown
}

const titles: Record<ProblemCode, string> = {
  validation_failed: 'Invalid request',
  unauthorized: 'Not signed in',
  forbidden: 'Not allowed',
  not_found: 'Not found',
  insufficient_funds: 'Insufficient funds',
  limit_exceeded: 'Limit exceeded',
  invalid_pin: 'Wrong PIN',
  account_locked: 'Account locked',
  idempotency_conflict: 'Idempotency key reused',
  duplicate: 'Already exists',
  unavailable: 'Temporarily unavailable',
  declined: 'Declined by the partner',
  payload_too_large: 'Request too large',
  rate_limited: 'Too many requests',
  internal: 'Internal error',
}

export function problem(
  status: number,
  code: ProblemCode,
  detail: string,
  extensions: Record<string, unknown> = {},
): Problem {
  return {
    type: `https://docs.gopay.local/problems/${code}`,
    title: titles[code],
    status,
    detail,
    code,
    ...extensions,
  }
}

/** Thrown inside request handling when the answer is a problem; caught by problemHandler. */
export class ProblemError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail)
  }
}

export function sendProblem(res: Response, p: Problem) {
  res.status(p.status).type('application/problem+json').send(JSON.stringify(p))
}

export const problemHandler =
  (log: { error(obj: object, msg: string): void }): ErrorRequestHandler =>
  (err, req, res, _next) => {
    if (err instanceof ProblemError) return sendProblem(res, err.problem)
    // body-parser's errors carry a status and a type.
    const e = err as { status?: number; type?: string; message?: string }
    if (e.type === 'entity.too.large')
      return sendProblem(res, problem(413, 'payload_too_large', 'The request body is too large.'))
    if (e.type === 'entity.parse.failed')
      return sendProblem(res, problem(400, 'validation_failed', 'The request body is not valid JSON.'))
    if (e.status && e.status >= 400 && e.status < 500)
      return sendProblem(res, problem(e.status, 'validation_failed', e.message ?? 'Bad request.'))
    log.error({ err, requestId: req.id }, 'unhandled error')
    sendProblem(res, problem(500, 'internal', 'Something went wrong on our side; nothing was changed.'))
  }
