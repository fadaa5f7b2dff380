import { useId, type InputHTMLAttributes, type ReactNode } from 'react'
import { formatMoney } from '@gopay/vocabulary'

/** A labelled field; `name` is its English accessible name (CONTRACT.md), the label may be translated. */
export function Field({
  label,
  name,
  ...input
}: { label: string; name: string } & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId()
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} aria-label={name} {...input} />
    </div>
  )
}

export function Money({ minor, currency }: { minor: string | bigint; currency: string }) {
  return <span className="money">{formatMoney(BigInt(minor), currency)}</span>
}

export function Screen({
  title,
  children,
  onBack,
}: {
  title: string
  children: ReactNode
  onBack?: () => void
}) {
  return (
    <section
      className="screen"
      aria-labelledby="screen-title"
      onKeyDown={(e) => e.key === 'Escape' && onBack?.()}
    >
      <header className="screen-head">
        {onBack && (
          <button type="button" className="ghost" onClick={onBack} aria-label="Back">
            ←
          </button>
        )}
        <h1 id="screen-title">{title}</h1>
      </header>
      {children}
    </section>
  )
}

export const Problem = ({ message }: { message: string | null | undefined }) =>
  message ? (
    <p role="alert" className="problem">
      {message}
    </p>
  ) : null
