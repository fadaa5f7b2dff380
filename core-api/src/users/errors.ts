import { problem, type Problem } from '../http/problem'

export enum UserError {
  PhoneTaken = 'PhoneTaken',
  WeakPin = 'WeakPin',
  UnknownUser = 'UnknownUser',
  WrongOtp = 'WrongOtp',
  OtpExpired = 'OtpExpired',
  AlreadyVerified = 'AlreadyVerified',
  WrongPin = 'WrongPin',
}

export const isUserError = (o: unknown): o is UserError => Object.values(UserError).includes(o as UserError)

export function userErrorToProblem(e: UserError, detail?: string): Problem {
  switch (e) {
    case UserError.PhoneTaken:
      return problem(409, 'duplicate', 'A GoPay account already uses this phone number.')
    case UserError.WeakPin:
      return problem(400, 'validation_failed', detail ?? 'That PIN is too easy to guess.', {
        errors: [{ path: 'pin', message: detail }],
      })
    case UserError.UnknownUser:
      return problem(404, 'not_found', 'No GoPay account has that phone number or id.')
    case UserError.WrongOtp:
      return problem(400, 'validation_failed', 'That code is not right.')
    case UserError.OtpExpired:
      return problem(
        400,
        'validation_failed',
        'That code has expired or was tried too often; ask for a new one.',
      )
    case UserError.AlreadyVerified:
      return problem(409, 'duplicate', 'This phone number is already confirmed.')
    case UserError.WrongPin:
      return problem(401, 'invalid_pin', 'The old PIN is not right.')
  }
}
