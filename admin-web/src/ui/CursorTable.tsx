import { useQuery } from '@tanstack/react-query'
import { flexRender, getCoreRowModel, useReactTable, type ColumnDef } from '@tanstack/react-table'
import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Empty, ErrorState, Loading } from './states'

export interface Page<T> {
  items: T[]
  nextCursor: string | null
}

/**
 * A table paged on the server by cursor: the server says where the next page starts, and the table
 * keeps the cursors it has walked so "Previous" goes back without offsets (fast on a million rows).
 */
export function CursorTable<T>({
  label,
  queryKey,
  fetchPage,
  columns,
  onRowClick,
  empty,
  rowLabel,
}: {
  /** The table's accessible name. */
  label: string
  queryKey: readonly unknown[]
  fetchPage: (cursor: string | undefined) => Promise<Page<T>>
  columns: ColumnDef<T, unknown>[]
  onRowClick?: (row: T) => void
  empty?: ReactNode
  rowLabel?: (row: T) => string
}) {
  const { t } = useTranslation()
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined])
  const key = JSON.stringify(queryKey)
  const [forKey, setForKey] = useState(key)
  if (forKey !== key) {
    // A new filter starts at the first page.
    setForKey(key)
    setCursors([undefined])
  }
  const cursor = cursors[cursors.length - 1]
  const query = useQuery({
    queryKey: [...queryKey, 'page', cursor ?? null],
    queryFn: () => fetchPage(cursor),
  })
  const table = useReactTable({
    data: query.data?.items ?? [],
    columns,
    getCoreRowModel: getCoreRowModel(),
    manualPagination: true,
  })
  if (query.isPending) return <Loading />
  if (query.error) return <ErrorState error={query.error} retry={() => void query.refetch()} />
  const page = query.data
  return (
    <div className="table-wrap">
      {page.items.length === 0 ? (
        <Empty>{empty}</Empty>
      ) : (
        <table aria-label={label}>
          <thead>
            {table.getHeaderGroups().map((g) => (
              <tr key={g.id}>
                {g.headers.map((h) => (
                  <th
                    key={h.id}
                    scope="col"
                    className={(h.column.columnDef.meta as { className?: string })?.className}
                  >
                    {h.isPlaceholder ? null : flexRender(h.column.columnDef.header, h.getContext())}
                  </th>
                ))}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((r) => (
              <tr
                key={r.id}
                className={onRowClick ? 'clickable' : undefined}
                onClick={onRowClick ? () => onRowClick(r.original) : undefined}
                aria-label={rowLabel?.(r.original)}
              >
                {r.getVisibleCells().map((c) => (
                  <td key={c.id} className={(c.column.columnDef.meta as { className?: string })?.className}>
                    {flexRender(c.column.columnDef.cell, c.getContext())}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <nav className="pager" aria-label={t('Pages')}>
        <button
          type="button"
          className="secondary"
          disabled={cursors.length <= 1}
          onClick={() => setCursors((c) => c.slice(0, -1))}
        >
          {t('Previous page')}
        </button>
        <span className="muted">{t('Page {{n}}', { n: cursors.length })}</span>
        <button
          type="button"
          className="secondary"
          disabled={!page.nextCursor}
          onClick={() => setCursors((c) => [...c, page.nextCursor ?? undefined])}
        >
          {t('Next page')}
        </button>
        {query.isFetching && <span className="muted">{t('Refreshing…')}</span>}
      </nav>
    </div>
  )
}
