import { z } from 'zod'

/**
 * Keyset paging for the back office's tables: the cursor is the last row's sort key (time and id), so
 * a page costs the same on page 1 and page 10,000, and rows written meanwhile never shift a page.
 */
export interface Cursor {
  at: string
  id: string
}

export const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify([c.at, c.id])).toString('base64url')

export const cursorParam = z
  .string()
  .max(200)
  .transform((s, ctx) => {
    try {
      const [at, id] = JSON.parse(Buffer.from(s, 'base64url').toString()) as unknown[]
      if (
        typeof at === 'string' &&
        typeof id === 'string' &&
        !Number.isNaN(Date.parse(at)) &&
        id.length <= 64
      )
        return { at, id }
    } catch {
      /* reported below */
    }
    ctx.addIssue({ code: 'custom', message: 'cursor is not one this API gave out' })
    return z.NEVER
  })

export const limitParam = z.coerce.number().int().min(1).max(200).default(50)

export const pageQuery = { cursor: cursorParam.optional(), limit: limitParam }

/** The row's time with microseconds, for its cursor: a millisecond ISO string would skip or repeat rows. */
export const cursorAt = (column: string) =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_at`

/** Takes `limit + 1` rows (each with its `cursorAt`); answers the page and the next page's cursor. */
export function pageOf<T extends { cursorAt: string; id: string }>(rows: T[], limit: number) {
  const page = rows.slice(0, limit)
  const last = page[page.length - 1]
  const items = page.map(({ cursorAt: _, ...rest }) => rest)
  return {
    items,
    nextCursor: rows.length > limit && last ? encodeCursor({ at: last.cursorAt, id: last.id }) : null,
  }
}

export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() })

export const iso = (d: Date | string | null | undefined) =>
  d == null ? null : (d instanceof Date ? d : new Date(d)).toISOString()
