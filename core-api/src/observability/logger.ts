import pino, { type DestinationStream, type Logger } from 'pino'

/** JSON logs that never carry a PIN, password, OTP or token, wherever in the object it sits. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options: pino.LoggerOptions = {
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
  }
  return destination ? pino(options, destination) : pino(options)
}
