import { createHash, createSecretKey, randomBytes } from 'node:crypto'
import jwt from 'jsonwebtoken'

export interface Principal {
  id: string
  roles: string[]
  /** The refresh-token family (the session) the access token belongs to. */
  sessionId: string
}

export interface TokenSigner {
  signAccess(p: Principal): string
  /** The principal, or null for anything expired, tampered, unsigned or signed with another key. */
  verifyAccess(token: string): Principal | null
  accessTtlSeconds: number
}

const ISSUER = 'gopay'

export function createTokenSigner(secretText: string, accessTtlSeconds: number): TokenSigner {
  // Built once: jsonwebtoken otherwise turns the string into a key object on every call.
  const secret = createSecretKey(Buffer.from(secretText))
  return {
    accessTtlSeconds,
    signAccess: (p) =>
      jwt.sign({ roles: p.roles, sid: p.sessionId, typ: 'access' }, secret, {
        algorithm: 'HS256',
        expiresIn: accessTtlSeconds,
        issuer: ISSUER,
        subject: p.id,
      }),
    verifyAccess(token) {
      try {
        // Pinning the algorithm refuses `alg: none` and any key-confusion trick.
        const c = jwt.verify(token, secret, { algorithms: ['HS256'], issuer: ISSUER }) as jwt.JwtPayload
        if (
          c.typ !== 'access' ||
          typeof c.sub !== 'string' ||
          typeof c.sid !== 'string' ||
          !Array.isArray(c.roles)
        )
          return null
        return { id: c.sub, roles: c.roles.map(String), sessionId: c.sid }
      } catch {
        return null
      }
    },
  }
}

/** Refresh tokens are opaque random strings; only their hash is stored. */
export const newRefreshToken = () => randomBytes(32).toString('base64url')
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex')
