import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useId, useState, type FormEvent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useNotify } from './notice'
import { describeProblem } from './states'

/**
 * One staff action: a button, an optional reason asked for inline, the call, then the queries it
 * touched refreshed and a sentence saying what happened (or what the server refused).
 */
export function ActionButton({
  label,
  run,
  invalidate = [],
  reason,
  done,
  danger,
  disabled,
  confirmLabel,
  children,
  onDone,
  name,
}: {
  /** the button's accessible name when its visible label alone is ambiguous (one per table row) */
  name?: string
  /** told of the result (for a notice that outlives this button) */
  onDone?: (result: unknown) => void
  label: string
  run: (reason: string) => Promise<unknown>
  invalidate?: readonly (readonly unknown[])[]
  /** ask for a reason (its field is labelled with this text) before running */
  reason?: string
  /** the sentence shown on success */
  done?: string | ((result: unknown) => ReactNode)
  danger?: boolean
  disabled?: boolean
  confirmLabel?: string
  children?: ReactNode
}) {
  const { t } = useTranslation()
  const qc = useQueryClient()
  const notify = useNotify()
  const id = useId()
  const [open, setOpen] = useState(false)
  const [text, setText] = useState('')
  const m = useMutation({
    mutationFn: (r: string) => run(r),
    onSuccess: async (result) => {
      setOpen(false)
      setText('')
      onDone?.(result)
      if (done) notify(typeof done === 'function' ? done(result) : done)
      await Promise.all(invalidate.map((k) => qc.invalidateQueries({ queryKey: k })))
    },
  })
  const go = (e?: FormEvent) => {
    e?.preventDefault()
    m.mutate(text.trim())
  }
  return (
    <div className="action">
      {!open && (
        <button
          type="button"
          className={danger ? 'danger' : undefined}
          disabled={disabled || m.isPending}
          aria-label={name}
          onClick={() => {
            m.reset()
            if (reason) setOpen(true)
            else go()
          }}
        >
          {label}
        </button>
      )}
      {open && (
        <form className="reason-form" onSubmit={go} aria-label={name ?? label}>
          {children}
          <label htmlFor={id}>{reason}</label>
          <textarea
            id={id}
            required
            minLength={3}
            rows={2}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          <div className="row">
            <button type="submit" className={danger ? 'danger' : undefined} disabled={m.isPending}>
              {confirmLabel ?? t('Confirm')}
            </button>
            <button type="button" className="secondary" onClick={() => setOpen(false)}>
              {t('Cancel')}
            </button>
          </div>
        </form>
      )}
      {m.error && (
        <p className="error-text" role="alert">
          {describeProblem(m.error, t)}
        </p>
      )}
    </div>
  )
}

/** Starts a browser download of a blob under a file name. */
export function saveBlob(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
