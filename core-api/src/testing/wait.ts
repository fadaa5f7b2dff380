/** Waits until `check` answers something truthy, or fails after `ms`. */
export async function until<T>(check: () => Promise<T>, ms = 5_000, what = 'condition'): Promise<T> {
  const end = Date.now() + ms
  for (;;) {
    const v = await check()
    if (v) return v
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 25))
  }
}
