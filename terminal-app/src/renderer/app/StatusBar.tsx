import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { DeviceStatus } from '../../bridge/contract'
import { gopay } from '../bridge'

/** Core connection, printer (paper, cover, offline, receipts waiting), card reader, display. */
export function StatusBar() {
  const { t } = useTranslation()
  const [s, setS] = useState<DeviceStatus | null>(null)
  useEffect(() => {
    void gopay.devices.status().then(setS)
    return gopay.on('devices.status', setS)
  }, [])
  if (!s) return <div className="status-bar" />
  const printerOk = s.printer.state === 'ready'
  return (
    <div className="status-bar" role="status" aria-label="Device status">
      <span className={`pill ${s.core === 'online' ? 'ok' : 'bad'}`} data-testid="status-core">
        {t('status.core')}: {t(`status.${s.core}`)}
      </span>
      <span
        className={`pill ${printerOk ? 'ok' : s.printer.state === 'none' ? '' : 'bad'}`}
        data-testid="status-printer"
        title={s.printer.message}
      >
        {t('status.printer')}: {t(`status.${s.printer.state === 'offline' ? 'offline' : s.printer.state}`)}
        {s.printer.waiting > 0 ? ` (${s.printer.waiting})` : ''}
      </span>
      <span className={`pill ${s.cardReader === 'connected' ? 'ok' : ''}`}>
        {t('status.reader')}: {t(`status.${s.cardReader}`)}
      </span>
      <span className="pill ok">
        {t('status.display')}: {t(`status.${s.display}`)}
      </span>
    </div>
  )
}
