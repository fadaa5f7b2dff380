import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { QRCodeSVG } from 'qrcode.react'
import { formatMoney, maskPhone } from '@gopay/vocabulary'
import type { DisplayView } from '../../bridge/contract'
import { gopay } from '../bridge'

/** The customer-facing second window: welcome, the name to check, the payment QR with its countdown, paid. */
export function CustomerDisplay() {
  const { t } = useTranslation()
  const [v, setV] = useState<DisplayView | null>(null)
  useEffect(() => {
    void gopay.display.current().then(setV)
    return gopay.on('display.view', setV)
  }, [])
  return (
    <main className="customer-display" aria-live="polite">
      {(!v || v.kind === 'idle') && (
        <h1>
          {t('display.welcome')}
          {v?.businessName ? ` — ${v.businessName}` : ''}
        </h1>
      )}
      {v?.kind === 'confirm' && (
        <>
          <p>{t('display.check')}</p>
          <h1 data-testid="display-name">{v.customerName}</h1>
          <p>{maskPhone(v.phone)}</p>
          <p className="big-amount">{formatMoney(BigInt(v.amount), v.currency)}</p>
        </>
      )}
      {v?.kind === 'payment' && (
        <>
          <p className="big-amount">
            {t('display.pay')} {formatMoney(BigInt(v.amount), v.currency)}
          </p>
          {v.status === 'waiting' && v.qr && (
            <>
              <div role="img" aria-label="Payment QR code" data-testid="payment-qr">
                <QRCodeSVG value={v.qr} size={280} marginSize={2} />
              </div>
              <p>{t('display.scan')}</p>
              <p className="countdown">
                {Math.floor((v.secondsLeft ?? 0) / 60)}:{String((v.secondsLeft ?? 0) % 60).padStart(2, '0')}
              </p>
            </>
          )}
          {v.status === 'paid' && <h1>{t('display.paid')}</h1>}
          {v.status === 'expired' && <h1>{t('display.expired')}</h1>}
          {v.status === 'failed' && <h1>{v.message}</h1>}
        </>
      )}
      {v?.kind === 'done' && (
        <>
          <h1>✓ {v.message}</h1>
          <p>{v.reference}</p>
        </>
      )}
    </main>
  )
}
