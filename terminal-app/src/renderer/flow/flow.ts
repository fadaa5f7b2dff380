import type { Outcome, Transaction } from '../../bridge/contract'

// A money flow's state names what the operator sees: typing it in, checking the name with the
// customer, sending, checking (outcome unknown: the same request is retried), done or refused.
export type FlowState<D> =
  | { step: 'entering'; draft: D; error: string | null }
  | { step: 'confirming'; draft: D; name: string }
  | { step: 'submitting'; draft: D; key: string }
  | { step: 'checking'; draft: D; key: string; attempt: number }
  | { step: 'done'; draft: D; transaction: Transaction }
  | { step: 'refused'; draft: D; code: string; message: string }

export type FlowAction<D> =
  | { type: 'edit'; draft: Partial<D> }
  | { type: 'invalid'; error: string }
  | { type: 'review'; name: string }
  | { type: 'back' }
  | { type: 'submit'; key: string }
  | { type: 'checking'; key: string; attempt: number }
  | { type: 'finished'; key: string; outcome: Outcome }
  | { type: 'reset'; draft: D }

export const entering = <D>(draft: D): FlowState<D> => ({ step: 'entering', draft, error: null })

export function flowReducer<D>(s: FlowState<D>, a: FlowAction<D>): FlowState<D> {
  switch (a.type) {
    case 'edit':
      return s.step === 'entering' ? { ...s, draft: { ...s.draft, ...a.draft }, error: null } : s
    case 'invalid':
      return s.step === 'entering' ? { ...s, error: a.error } : s
    case 'review':
      return s.step === 'entering' ? { step: 'confirming', draft: s.draft, name: a.name } : s
    case 'back':
      return s.step === 'confirming' || s.step === 'refused' ? entering(s.draft) : s
    case 'submit':
      // Only from a confirmed (or directly submittable) entry: never twice for one intent.
      return s.step === 'confirming' || s.step === 'entering'
        ? { step: 'submitting', draft: s.draft, key: a.key }
        : s
    case 'checking':
      return (s.step === 'submitting' || s.step === 'checking') && s.key === a.key
        ? { step: 'checking', draft: s.draft, key: a.key, attempt: a.attempt }
        : s
    case 'finished':
      if ((s.step !== 'submitting' && s.step !== 'checking') || s.key !== a.key) return s
      return a.outcome.outcome === 'done'
        ? { step: 'done', draft: s.draft, transaction: a.outcome.transaction }
        : { step: 'refused', draft: s.draft, code: a.outcome.code, message: a.outcome.message }
    case 'reset':
      return entering(a.draft)
  }
}
