import { z } from 'zod'
import { problem, type Problem } from '../http/problem'
import { defineRoute } from '../http/route'
import { uuid } from '../http/schemas'
import { DeviceError, isDeviceError, type DeviceService } from './service'

const deviceProblems: Record<DeviceError, Problem> = {
  [DeviceError.UnknownDevice]: problem(404, 'not_found', 'No such device, or nothing to confirm.'),
  [DeviceError.AlreadyRegistered]: problem(409, 'duplicate', 'This device is already registered.'),
  [DeviceError.WrongSecret]: problem(401, 'unauthorized', 'The device secret is not right.'),
}
const device = z.object({
  id: z.uuid(),
  label: z.string(),
  status: z.enum(['active', 'wipe_pending', 'wiped']),
  wipeRequestedAt: z.string().nullable(),
  wipeConfirmedAt: z.string().nullable(),
})
const answer = <T>(r: T | DeviceError, status = 200) =>
  isDeviceError(r) ? deviceProblems[r] : { status, body: r }
const deviceSecret = z.strictObject({ deviceSecret: z.string().min(20).max(100) })

export function deviceRoutes({ devices }: { devices: DeviceService }) {
  return [
    defineRoute({
      method: 'post',
      path: '/v1/me/devices',
      summary: 'Register this device; its secret is shown once',
      tag: 'devices',
      permission: 'devices:manage',
      body: z.strictObject({
        label: z.string().trim().min(1).max(60),
        fingerprint: z.string().min(8).max(128),
      }),
      responses: {
        201: { description: 'Registered', schema: z.object({ device, deviceSecret: z.string() }) },
      },
      handler: async ({ principal, body }) => answer(await devices.register(principal.id, body), 201),
    }),
    defineRoute({
      method: 'get',
      path: '/v1/me/devices',
      summary: 'My devices',
      tag: 'devices',
      permission: 'devices:manage',
      responses: { 200: { description: 'Devices', schema: z.object({ items: z.array(device) }) } },
      handler: async ({ principal }) => ({ status: 200, body: { items: await devices.list(principal.id) } }),
    }),
    defineRoute({
      method: 'post',
      path: '/v1/me/devices/:id/wipe',
      summary: 'Order a wipe of one of my devices (lost or stolen)',
      tag: 'devices',
      permission: 'devices:manage',
      params: z.strictObject({ id: uuid }),
      responses: { 202: { description: 'Ordered', schema: device } },
      handler: async ({ principal, params }) => answer(await devices.orderWipe(principal.id, params.id), 202),
    }),
    defineRoute({
      method: 'post',
      path: '/v1/devices/:id/check-in',
      summary: 'A device asks what it must do (authenticated by its own secret)',
      tag: 'devices',
      permission: 'public',
      params: z.strictObject({ id: uuid }),
      body: deviceSecret,
      responses: {
        200: { description: 'The command', schema: z.object({ command: z.enum(['wipe']).nullable() }) },
      },
      handler: async ({ params, body }) => answer(await devices.checkIn(params.id, body.deviceSecret)),
    }),
    defineRoute({
      method: 'post',
      path: '/v1/devices/:id/wipe-confirmation',
      summary: 'A device reports it has wiped itself',
      tag: 'devices',
      permission: 'public',
      params: z.strictObject({ id: uuid }),
      body: deviceSecret,
      responses: { 200: { description: 'Recorded', schema: device } },
      handler: async ({ params, body }) => answer(await devices.confirmWipe(params.id, body.deviceSecret)),
    }),
  ]
}
