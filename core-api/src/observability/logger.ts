import pino, { type Logger } from 'pino'

/** JSON logs that never carry a PIN, password, OTP or token, wherever in the object it sits. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'req.headers["idempotency-key"]',
        'pin',
        'password',
        'code',
        'accessToken',
        'refreshToken',
        'customerPin',
        '*.pin',
        '*.password',
        '*.code',
        '*.accessToken',
        '*.refreshToken',
        '*.customerPin',
        '*.secret_hash',
      ],
      censor: '[redacted]',
    },
  })
}
