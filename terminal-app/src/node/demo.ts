import { call, createCoreClient } from '@gopay/api-client'

/**
 * For the demo only: staff enrol a terminal for an agent or a till and get its one-time activation
 * code, as an admin would from the dashboard.
 */
export async function enrolDemoTerminal(
  coreUrl: string,
  staff: { email: string; password: string },
  owner: { agentCode: string } | { tillCode: string },
) {
  const client = createCoreClient({ baseUrl: coreUrl })
  const login = await call(client.POST('/v1/auth/login', { body: staff }))
  if (!login.ok) throw new Error(`demo staff sign-in refused: ${JSON.stringify(login.failure)}`)
  const token = (login.data as { accessToken: string }).accessToken
  const created = await call(
    client.POST('/v1/admin/terminals', {
      body: { ...owner, label: 'agentCode' in owner ? 'Demo agent counter' : 'Demo till' },
      headers: { authorization: `Bearer ${token}` },
    }),
  )
  if (!created.ok) throw new Error(`demo terminal not enrolled: ${JSON.stringify(created.failure)}`)
  return created.data as { id: string; activationCode: string; expiresAt: string }
}
