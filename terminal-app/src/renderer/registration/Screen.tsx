import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { toE164 } from '@gopay/vocabulary'
import { gopay } from '../bridge'
import { Field, Problem, Screen } from '../ui'

type Photo = { contentType: 'image/jpeg' | 'image/png'; base64: string; url: string }

const fileToPhoto = (file: Blob): Promise<Photo> =>
  new Promise((resolve, reject) => {
    const r = new FileReader()
    r.onload = () => {
      const url = String(r.result)
      resolve({
        contentType: file.type === 'image/png' ? 'image/png' : 'image/jpeg',
        base64: url.split(',')[1] ?? '',
        url,
      })
    }
    r.onerror = () => reject(r.error)
    r.readAsDataURL(file)
  })

/** A customer registered at the counter: names, ID type and number, a photo of the ID, a PIN the customer types. */
export function RegistrationScreen({
  onHome,
  onCashIn,
}: {
  onHome: () => void
  /** Straight to Cash in for the customer just confirmed. */
  onCashIn: (phone: string) => void
}) {
  const { t } = useTranslation()
  const [f, setF] = useState({
    phone: '',
    firstName: '',
    lastName: '',
    idType: 'national_id',
    idNumber: '',
    pin: '',
  })
  const [photo, setPhoto] = useState<Photo | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [registered, setRegistered] = useState<{ phone: string; name: string } | null>(null)
  const [busy, setBusy] = useState(false)
  const video = useRef<HTMLVideoElement>(null)
  const [streaming, setStreaming] = useState(false)
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value })

  const camera = async () => {
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ video: true })
      if (video.current) {
        video.current.srcObject = stream
        await video.current.play()
        setStreaming(true)
      }
    } catch (e) {
      setError(`Camera: ${e}`)
    }
  }
  const snap = async () => {
    const v = video.current
    if (!v) return
    const canvas = document.createElement('canvas')
    canvas.width = v.videoWidth
    canvas.height = v.videoHeight
    canvas.getContext('2d')?.drawImage(v, 0, 0)
    const blob = await new Promise<Blob | null>((r) => canvas.toBlob(r, 'image/jpeg', 0.85))
    if (blob) setPhoto(await fileToPhoto(blob))
    for (const track of (v.srcObject as MediaStream | null)?.getTracks() ?? []) track.stop()
    setStreaming(false)
  }

  if (registered) return <ConfirmPhone customer={registered} onHome={onHome} onCashIn={onCashIn} />
  return (
    <Screen title={t('registration.title')} onBack={onHome}>
      <form
        className="form wide"
        onSubmit={async (e) => {
          e.preventDefault()
          const phone = toE164(f.phone)
          if (!phone) return setError(t('flow.badPhone'))
          if (!/^\d{4}$/.test(f.pin)) return setError(t('flow.badPin'))
          if (!photo) return setError(t('registration.photo'))
          setBusy(true)
          const r = await gopay.customers
            .register({
              key: crypto.randomUUID(),
              phone,
              firstName: f.firstName,
              lastName: f.lastName,
              idType: f.idType as 'national_id',
              idNumber: f.idNumber,
              pin: f.pin,
              photo: { contentType: photo.contentType, base64: photo.base64 },
            })
            .finally(() => setBusy(false))
          if (r.ok) setRegistered({ phone: r.value.phone, name: r.value.name })
          else setError(r.message)
        }}
      >
        <Field
          label={t('flow.customerPhone')}
          name="Customer phone"
          type="tel"
          autoFocus
          value={f.phone}
          onChange={set('phone')}
        />
        <Field
          label={t('registration.firstName')}
          name="First name"
          value={f.firstName}
          onChange={set('firstName')}
        />
        <Field
          label={t('registration.lastName')}
          name="Last name"
          value={f.lastName}
          onChange={set('lastName')}
        />
        <div className="field">
          <label htmlFor="id-type">{t('registration.idType')}</label>
          <select id="id-type" aria-label="ID type" value={f.idType} onChange={set('idType')}>
            {(['national_id', 'passport', 'alien_id'] as const).map((k) => (
              <option key={k} value={k}>
                {t(`registration.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <Field
          label={t('registration.idNumber')}
          name="ID number"
          value={f.idNumber}
          onChange={set('idNumber')}
        />
        <div className="field">
          <span>{t('registration.photo')}</span>
          <div className="actions">
            <button type="button" className="ghost" onClick={() => void (streaming ? snap() : camera())}>
              {t('registration.camera')}
            </button>
            <label className="button ghost">
              {t('registration.file')}
              <input
                type="file"
                accept="image/jpeg,image/png"
                aria-label="ID photo"
                className="visually-hidden"
                onChange={async (e) => {
                  const file = e.target.files?.[0]
                  if (file) setPhoto(await fileToPhoto(file))
                }}
              />
            </label>
          </div>
          <video ref={video} className={streaming ? 'camera' : 'hidden'} muted playsInline />
          {photo && <img src={photo.url} alt="ID photo" className="id-photo" />}
        </div>
        <Field
          label={t('registration.pin')}
          name="Customer PIN"
          type="password"
          inputMode="numeric"
          maxLength={4}
          value={f.pin}
          onChange={(e) => setF({ ...f, pin: e.target.value.replace(/\D/g, '') })}
        />
        <Problem message={error} />
        <button type="submit" className="primary" disabled={busy}>
          {t('registration.submit')}
        </button>
      </form>
    </Screen>
  )
}

/**
 * The wallet of a customer registered at the counter waits for the 6-digit code the core sent by SMS;
 * the agent types it (or has it sent again), then can go straight on to the cash-in.
 */
function ConfirmPhone({
  customer,
  onHome,
  onCashIn,
}: {
  customer: { phone: string; name: string }
  onHome: () => void
  onCashIn: (phone: string) => void
}) {
  const { t } = useTranslation()
  const [code, setCode] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [note, setNote] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [active, setActive] = useState<string | null>(null)

  if (active)
    return (
      <Screen title={t('registration.title')} onBack={onHome}>
        <p className="done" role="status">
          ✓ {t('registration.active', { name: active })}
        </p>
        <div className="actions">
          <button type="button" className="primary" autoFocus onClick={() => onCashIn(customer.phone)}>
            {t('registration.cashIn')}
          </button>
          <button type="button" className="ghost" onClick={onHome}>
            {t('app.home')}
          </button>
        </div>
      </Screen>
    )
  return (
    <Screen title={t('registration.title')} onBack={onHome}>
      <p className="done" role="status">
        ✓ {t('registration.done', { name: customer.name })}
      </p>
      <form
        className="form"
        onSubmit={async (e) => {
          e.preventDefault()
          setNote(null)
          if (!/^\d{6}$/.test(code)) return setError(t('registration.badCode'))
          setBusy(true)
          const r = await gopay.customers
            .confirmPhone({ phone: customer.phone, code })
            .finally(() => setBusy(false))
          if (r.ok) setActive(r.value.name)
          else setError(r.message)
        }}
      >
        <p>{t('registration.codeHint', { phone: customer.phone })}</p>
        <Field
          label={t('registration.code')}
          name="SMS code"
          inputMode="numeric"
          autoComplete="one-time-code"
          autoFocus
          maxLength={6}
          value={code}
          onChange={(e) => {
            setError(null)
            setCode(e.target.value.replace(/\D/g, ''))
          }}
        />
        <Problem message={error} />
        {note && (
          <p className="status-line" role="status">
            {note}
          </p>
        )}
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {t('flow.confirm')}
          </button>
          <button
            type="button"
            className="ghost"
            disabled={busy}
            onClick={async () => {
              setError(null)
              setBusy(true)
              const r = await gopay.customers
                .resendCode({ phone: customer.phone })
                .finally(() => setBusy(false))
              if (r.ok) setNote(t('registration.resent'))
              else setError(r.message)
            }}
          >
            {t('registration.resend')}
          </button>
        </div>
      </form>
    </Screen>
  )
}
