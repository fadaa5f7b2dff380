import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto'
import type { Db, Executor } from '@gopay/db'

export enum DeviceError {
  UnknownDevice = 'UnknownDevice',
  AlreadyRegistered = 'AlreadyRegistered',
  WrongSecret = 'WrongSecret',
}

export const isDeviceError = (o: unknown): o is DeviceError =>
  Object.values(DeviceError).includes(o as DeviceError)

export interface Device {
  id: string
  label: string
  status: 'active' | 'wipe_pending' | 'wiped'
  wipeRequestedAt: string | null
  wipeConfirmedAt: string | null
}

export interface DeviceService {
  /** Registers a device; its secret is shown once, for the device's own check-ins. */
  register(
    partyId: string,
    d: { label: string; fingerprint: string },
  ): Promise<{ device: Device; deviceSecret: string } | DeviceError>
  list(partyId: string): Promise<Device[]>
  /** Orders a wipe of one of the party's devices; the device learns of it at its next check-in. */
  orderWipe(partyId: string, deviceId: string): Promise<Device | DeviceError>
  /** The device asks what it must do: `wipe`, or nothing. */
  checkIn(deviceId: string, secret: string): Promise<{ command: 'wipe' | null } | DeviceError>
  /** The device reports it has wiped itself. */
  confirmWipe(deviceId: string, secret: string): Promise<Device | DeviceError>
  /** A device enrolled for a party by someone else (staff enrolling a terminal); no secret yet. */
  enrol(trx: Executor, partyId: string, label: string): Promise<string>
  /** Gives the device its secret (once, at activation); only its hash is kept. */
  issueSecret(trx: Executor, deviceId: string): Promise<string>
  /** The device's row when the secret is right and the device not wiped. */
  authenticate(
    deviceId: string,
    secret: string,
  ): Promise<{ party_id: string; status: Device['status']; last_seen_at: Date | null } | DeviceError>
  /** Records a check-in. */
  seen(deviceId: string): Promise<void>
  /** Orders a wipe by staff (any party's device). */
  orderWipeBy(trx: Executor, deviceId: string, actorId: string): Promise<Device | DeviceError>
}

const hash = (s: string) => createHash('sha256').update(s).digest()

const toDevice = (r: Record<string, unknown>): Device => ({
  id: r.id as string,
  label: r.label as string,
  status: r.status as Device['status'],
  wipeRequestedAt: (r.wipe_requested_at as Date | null)?.toISOString() ?? null,
  wipeConfirmedAt: (r.wipe_confirmed_at as Date | null)?.toISOString() ?? null,
})

export function createDeviceService({ db }: { db: Db }): DeviceService {
  async function authenticated(
    deviceId: string,
    secret: string,
  ): Promise<{ party_id: string; status: Device['status']; last_seen_at: Date | null } | DeviceError> {
    const row = await db('devices').where({ id: deviceId }).first()
    if (!row?.secret_hash) return DeviceError.UnknownDevice
    const given = hash(secret)
    return timingSafeEqual(given, Buffer.from(row.secret_hash, 'hex')) ? row : DeviceError.WrongSecret
  }
  async function wipeOrdered(trx: Executor, deviceId: string, actorId: string, partyId?: string) {
    const q = trx('devices').where({ id: deviceId }).whereNot({ status: 'wiped' })
    if (partyId) q.andWhere({ party_id: partyId })
    const [row] = await q.update({ status: 'wipe_pending', wipe_requested_at: trx.fn.now() }).returning('*')
    if (!row) return DeviceError.UnknownDevice
    await trx('audit_log').insert({
      actor_party_id: actorId,
      action: 'device.wipe_ordered',
      target_type: 'device',
      target_id: deviceId,
    })
    return toDevice(row)
  }

  return {
    async register(partyId, d) {
      const deviceSecret = randomBytes(24).toString('base64url')
      const [row] = await db('devices')
        .insert({
          party_id: partyId,
          label: d.label,
          fingerprint: d.fingerprint,
          secret_hash: hash(deviceSecret).toString('hex'),
        })
        .onConflict(['party_id', 'fingerprint'])
        .ignore()
        .returning('*')
      return row ? { device: toDevice(row), deviceSecret } : DeviceError.AlreadyRegistered
    },
    async list(partyId) {
      return (await db('devices').where({ party_id: partyId }).orderBy('created_at')).map(toDevice)
    },
    async orderWipe(partyId, deviceId) {
      return db.transaction((trx) => wipeOrdered(trx, deviceId, partyId, partyId))
    },
    orderWipeBy: (trx, deviceId, actorId) => wipeOrdered(trx, deviceId, actorId),
    async enrol(trx, partyId, label) {
      const id = randomUUID()
      // A terminal has no hardware fingerprint of its own before activation: its id stands in.
      await trx('devices').insert({ id, party_id: partyId, label, fingerprint: `terminal:${id}` })
      return id
    },
    async issueSecret(trx, deviceId) {
      const deviceSecret = randomBytes(24).toString('base64url')
      await trx('devices')
        .where({ id: deviceId })
        .update({ secret_hash: hash(deviceSecret).toString('hex') })
      return deviceSecret
    },
    async authenticate(deviceId, secret) {
      const row = await authenticated(deviceId, secret)
      if (isDeviceError(row)) return row
      return row.status === 'wiped' ? DeviceError.WrongSecret : row
    },
    async seen(deviceId) {
      await db('devices').where({ id: deviceId }).update({ last_seen_at: db.fn.now() })
    },
    async checkIn(deviceId, secret) {
      const row = await authenticated(deviceId, secret)
      if (isDeviceError(row)) return row
      await db('devices').where({ id: deviceId }).update({ last_seen_at: db.fn.now() })
      return { command: row.status === 'wipe_pending' ? 'wipe' : null }
    },
    async confirmWipe(deviceId, secret) {
      const row = await authenticated(deviceId, secret)
      if (isDeviceError(row)) return row
      return db.transaction(async (trx) => {
        const [done] = await trx('devices')
          .where({ id: deviceId, status: 'wipe_pending' })
          .update({ status: 'wiped', wipe_confirmed_at: trx.fn.now() })
          .returning('*')
        if (!done) return DeviceError.UnknownDevice
        await trx('audit_log').insert({
          actor_party_id: row.party_id,
          action: 'device.wipe_confirmed',
          target_type: 'device',
          target_id: deviceId,
        })
        return toDevice(done)
      })
    },
  }
}
