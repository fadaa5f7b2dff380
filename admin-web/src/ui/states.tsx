import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Problem } from '../app/api'

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation()
  return (
    <div className="state loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden /> {label ?? t('Loading…')}
    </div>
  )
}

export function Empty({ children }: { children?: ReactNode }) {
  const { t } = useTranslation()
  return <div className="state empty">{children ?? t('Nothing to show.')}</div>
}

/** The problem in a sentence, and a way to try again. */
export function ErrorState({ error, retry }: { error: unknown; retry?: () => void }) {
  const { t } = useTranslation()
  return (
    <div className="state error" role="alert">
      <strong>{describeProblem(error, t)}</strong>
      {retry && (
        <button type="button" className="secondary" onClick={retry}>
          {t('Try again')}
        </button>
      )}
    </div>
  )
}

export function describeProblem(error: unknown, t: (s: string) => string): string {
  if (error instanceof Problem) {
    if (error.status === 403) return t('You do not have permission to do this.')
    if (error.status === 404) return t('Not found.')
    if (error.status >= 500 || error.code === 'unavailable')
      return t('The server could not answer. Try again shortly.')
    return error.detail ?? error.title
  }
  if (error instanceof TypeError) return t('The server could not be reached.')
  return error instanceof Error ? error.message : String(error)
}

/** A query's three states, then its content. */
export function QueryView<T>({
  query,
  children,
  isEmpty,
  empty,
}: {
  query: { isPending: boolean; error: unknown; data: T | undefined; refetch: () => unknown }
  children: (data: T) => ReactNode
  isEmpty?: (data: T) => boolean
  empty?: ReactNode
}) {
  if (query.isPending) return <Loading />
  if (query.error) return <ErrorState error={query.error} retry={() => void query.refetch()} />
  const data = query.data as T
  if (isEmpty?.(data)) return <Empty>{empty}</Empty>
  return <>{children(data)}</>
}
