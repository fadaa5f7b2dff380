import { z } from 'zod'
import { permissionMatrix, roles } from '../auth/permissions'
import { problem } from '../http/problem'
import { defineRoute } from '../http/route'
import { page, pageOf, pageQuery } from '../http/paging'
import { uuid } from '../http/schemas'
import { StaffError, type StaffMember, type StaffService } from './service'

const member = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  role: z.enum(['admin', 'sub_admin', 'auditor']),
  status: z.enum(['active', 'disabled']),
  createdAt: z.string(),
})

const staffProblem = (e: StaffError) =>
  e === StaffError.Unknown
    ? problem(404, 'not_found', 'No such member of staff.')
    : e === StaffError.EmailTaken
      ? problem(409, 'duplicate', 'A member of staff with this email already exists.')
      : problem(409, 'validation_failed', 'You cannot disable your own account.')

const answer = (r: StaffMember | StaffError, status = 200) =>
  typeof r === 'string' ? staffProblem(r) : { status, body: r }

export function staffRoutes({ staff }: { staff: StaffService }) {
  return [
    defineRoute({
      method: 'get',
      path: '/v1/admin/me',
      summary: 'The signed-in member of staff, with the permissions of their role',
      tag: 'admin',
      permission: 'backoffice:read',
      responses: {
        200: { description: 'Me', schema: member.extend({ permissions: z.array(z.string()) }) },
      },
      async handler({ principal }) {
        const me = await staff.me(principal.id)
        return me ? { status: 200, body: me } : problem(404, 'not_found', 'No such member of staff.')
      },
    }),
    defineRoute({
      method: 'get',
      path: '/v1/admin/permissions',
      summary: 'The permission matrix: which role may do what',
      tag: 'admin',
      permission: 'backoffice:read',
      responses: {
        200: {
          description: 'The matrix',
          schema: z.object({
            roles: z.array(z.string()),
            permissions: z.array(z.object({ permission: z.string(), roles: z.array(z.string()) })),
          }),
        },
      },
      handler: async () => ({
        status: 200,
        body: {
          roles: [...roles],
          permissions: Object.entries(permissionMatrix).map(([permission, r]) => ({
            permission,
            roles: [...r],
          })),
        },
      }),
    }),
    defineRoute({
      method: 'get',
      path: '/v1/admin/staff',
      summary: 'Staff accounts, newest first',
      tag: 'admin',
      permission: 'staff:read',
      query: z.strictObject(pageQuery),
      responses: { 200: { description: 'A page of staff', schema: page(member) } },
      async handler({ query }) {
        const rows = await staff.list(query)
        return { status: 200, body: pageOf(rows, query.limit) }
      },
    }),
    defineRoute({
      method: 'post',
      path: '/v1/admin/staff',
      summary: 'Create a staff account (admin, sub-admin or auditor)',
      tag: 'admin',
      permission: 'staff:manage',
      body: z.strictObject({
        email: z.email().max(254),
        displayName: z.string().trim().min(2).max(80),
        role: z.enum(['admin', 'sub_admin', 'auditor']),
        password: z.string().min(12).max(200),
      }),
      responses: { 201: { description: 'Created', schema: member } },
      handler: async ({ principal, body }) => answer(await staff.create(principal.id, body), 201),
    }),
    defineRoute({
      method: 'post',
      path: '/v1/admin/staff/:id/disable',
      summary: 'Disable a staff account; its sessions end at once',
      tag: 'admin',
      permission: 'staff:manage',
      params: z.strictObject({ id: uuid }),
      body: z.strictObject({ reason: z.string().trim().min(3).max(200) }),
      responses: { 200: { description: 'Disabled', schema: member } },
      handler: async ({ principal, params, body }) =>
        answer(await staff.setDisabled(principal.id, params.id, true, body.reason)),
    }),
    defineRoute({
      method: 'post',
      path: '/v1/admin/staff/:id/enable',
      summary: 'Enable a disabled staff account',
      tag: 'admin',
      permission: 'staff:manage',
      params: z.strictObject({ id: uuid }),
      responses: { 200: { description: 'Enabled', schema: member } },
      handler: async ({ principal, params }) =>
        answer(await staff.setDisabled(principal.id, params.id, false)),
    }),
  ]
}
