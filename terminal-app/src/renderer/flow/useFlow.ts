import { useCallback, useEffect, useReducer } from 'react'
import type { Outcome } from '../../bridge/contract'
import { gopay } from '../bridge'
import { entering, flowReducer, type FlowAction, type FlowState } from './flow'

/** A money flow bound to the bridge: `submit` sends once with a fresh key; "checking" comes from events. */
export function useFlow<D>(initial: D, send: (key: string, draft: D) => Promise<Outcome>) {
  const [state, dispatch] = useReducer(
    flowReducer as (s: FlowState<D>, a: FlowAction<D>) => FlowState<D>,
    initial,
    entering,
  )
  useEffect(
    () => gopay.on('money.checking', ({ key, attempt }) => dispatch({ type: 'checking', key, attempt })),
    [],
  )
  const submit = useCallback(async () => {
    if (state.step !== 'confirming' && state.step !== 'entering') return
    const key = crypto.randomUUID()
    dispatch({ type: 'submit', key })
    let outcome: Outcome
    try {
      outcome = await send(key, state.draft)
    } catch (e) {
      outcome = { outcome: 'refused', code: 'terminal_error', message: String(e) }
    }
    dispatch({ type: 'finished', key, outcome })
  }, [state, send])
  return { state, dispatch, submit }
}
