import {
  channels,
  events,
  type Channel,
  type EventName,
  type EventPayload,
  type Input,
  type Output,
} from './contract'

type AreaOf<C> = C extends `${infer A}.${string}` ? A : never
export type Area = AreaOf<Channel>
// A channel without fields (its input type is an index signature) may be called without an argument.
type Method<C extends Channel> = string extends keyof Input<C>
  ? (input?: Input<C>) => Promise<Output<C>>
  : (input: Input<C>) => Promise<Output<C>>
type Actions<A extends string> = {
  [C in Channel as C extends `${A}.${infer K}` ? K : never]: Method<C>
}

/** `window.gopay`: one object per area (`gopay.cashIn.submit(…)`), and `on()` for events. */
export type GopayBridge = { [A in Area]: Actions<A> } & {
  on<E extends EventName>(event: E, handler: (payload: EventPayload<E>) => void): () => void
}

export type Invoke = (channel: Channel, input: unknown) => Promise<unknown>
export type Subscribe = (event: EventName, handler: (payload: unknown) => void) => () => void

/**
 * Builds the bridge over a transport (Electron IPC or the local HTTP/WebSocket server). Answers and
 * events are checked against the contract here too, so a renderer never acts on a malformed message.
 */
export function makeBridge(invoke: Invoke, subscribe: Subscribe): GopayBridge {
  const areas: Record<string, Record<string, (input?: unknown) => Promise<unknown>>> = {}
  for (const channel of Object.keys(channels) as Channel[]) {
    const [area, action] = channel.split('.') as [string, string]
    areas[area] ??= {}
    areas[area][action] = async (input?: unknown) =>
      channels[channel].output.parse(await invoke(channel, channels[channel].input.parse(input ?? {})))
  }
  const on = (event: EventName, handler: (payload: unknown) => void) =>
    subscribe(event, (payload) => {
      const parsed = events[event].safeParse(payload)
      if (parsed.success) handler(parsed.data)
    })
  return { ...areas, on } as unknown as GopayBridge
}
