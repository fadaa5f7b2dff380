import { useMutation } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { toE164 } from '@gopay/vocabulary'
import { Field, Select } from './forms'
import { toMinor, toTyped } from './money-input'
import { describeProblem } from './states'

export interface FieldSpec {
  name: string
  label: string
  kind?: 'text' | 'money' | 'number' | 'select' | 'password' | 'tel' | 'datetime' | 'checkbox'
  options?: { value: string; label: string }[]
  required?: boolean
  hint?: string
}

type Values = Record<string, string | boolean>

function initial(fields: FieldSpec[], start: Record<string, unknown> = {}): Values {
  const v: Values = {}
  for (const f of fields) {
    const s = start[f.name]
    if (f.kind === 'checkbox') v[f.name] = Boolean(s)
    else if (f.kind === 'money' && typeof s === 'number') v[f.name] = toTyped(s)
    else
      v[f.name] =
        s === undefined || s === null ? (f.kind === 'select' ? (f.options?.[0]?.value ?? '') : '') : String(s)
  }
  return v
}

/**
 * A create or edit form from field specs. Money is typed in the currency's units and sent in minor
 * units, phone numbers in E.164 (a local 07… number gets +254); only changed fields are sent when editing; the server's refusal is shown in a sentence.
 */
export function EntityForm({
  title,
  fields,
  start,
  submitLabel,
  onSubmit,
  onDone,
  partial,
}: {
  title: string
  fields: FieldSpec[]
  start?: Record<string, unknown>
  submitLabel: string
  onSubmit: (body: Record<string, unknown>) => Promise<unknown>
  onDone?: (result: unknown) => void
  /** send only what changed (PATCH) */
  partial?: boolean
}) {
  const { t } = useTranslation()
  const first = initial(fields, start)
  const [values, setValues] = useState<Values>(first)
  const [invalid, setInvalid] = useState<string>()
  const m = useMutation({
    mutationFn: onSubmit,
    onSuccess: (r) => {
      if (!partial) setValues(initial(fields, start))
      onDone?.(r)
    },
  })
  const submit = (e: FormEvent) => {
    e.preventDefault()
    const body: Record<string, unknown> = {}
    for (const f of fields) {
      const v = values[f.name]
      if (partial && v === first[f.name]) continue
      if (f.kind === 'checkbox') body[f.name] = Boolean(v)
      else if (typeof v === 'string' && v.trim() === '' && !f.required) continue
      else if (f.kind === 'money') {
        const minor = toMinor(String(v))
        if (minor === undefined)
          return setInvalid(t('{{field}}: amounts are numbers like 1,500.50.', { field: f.label }))
        body[f.name] = minor
      } else if (f.kind === 'number') {
        const n = Number(v)
        if (!Number.isInteger(n)) return setInvalid(t('{{field}}: a whole number.', { field: f.label }))
        body[f.name] = n
      } else if (f.kind === 'tel') {
        // Staff type numbers the way Kenyans write them (0722 555 111); the core takes E.164 only.
        const phone = toE164(String(v))
        if (phone === undefined)
          return setInvalid(
            t('{{field}}: a phone number like 0722 555 111 or +254722555111.', { field: f.label }),
          )
        body[f.name] = phone
      } else if (f.kind === 'datetime') body[f.name] = new Date(String(v)).toISOString()
      else body[f.name] = typeof v === 'string' ? v.trim() : v
    }
    setInvalid(undefined)
    m.mutate(body)
  }
  return (
    <form className="entity-form" onSubmit={submit} aria-label={title}>
      <div className="row wrap">
        {fields.map((f) => {
          const v = values[f.name]
          const set = (x: string | boolean) => setValues((s) => ({ ...s, [f.name]: x }))
          if (f.kind === 'select')
            return (
              <Select
                key={f.name}
                label={f.label}
                value={String(v)}
                options={f.options ?? []}
                onChange={(e) => set(e.target.value)}
              />
            )
          if (f.kind === 'checkbox')
            return (
              <label key={f.name} className="inline">
                <input type="checkbox" checked={Boolean(v)} onChange={(e) => set(e.target.checked)} />{' '}
                {f.label}
              </label>
            )
          return (
            <Field
              key={f.name}
              label={f.label}
              hint={f.hint}
              required={f.required}
              type={
                f.kind === 'password'
                  ? 'password'
                  : f.kind === 'tel'
                    ? 'tel'
                    : f.kind === 'datetime'
                      ? 'datetime-local'
                      : 'text'
              }
              inputMode={f.kind === 'money' ? 'decimal' : f.kind === 'number' ? 'numeric' : undefined}
              autoComplete={f.kind === 'password' ? 'new-password' : 'off'}
              value={String(v)}
              onChange={(e) => set(e.target.value)}
            />
          )
        })}
      </div>
      <button type="submit" disabled={m.isPending}>
        {submitLabel}
      </button>
      {invalid && (
        <p className="error-text" role="alert">
          {invalid}
        </p>
      )}
      {m.error && (
        <p className="error-text" role="alert">
          {describeProblem(m.error, t)}
        </p>
      )}
      {m.isSuccess && (
        <p className="ok-text" role="status">
          {t('Saved.')}
        </p>
      )}
    </form>
  )
}
