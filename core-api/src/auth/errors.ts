import { problem, type Problem } from '../http/problem'

export enum AuthError {
  WrongCredentials = 'WrongCredentials',
  InvalidPin = 'InvalidPin',
  Locked = 'Locked',
  PhoneNotVerified = 'PhoneNotVerified',
  InvalidRefreshToken = 'InvalidRefreshToken',
  RefreshTokenReused = 'RefreshTokenReused',
}

export const isAuthError = (o: unknown): o is AuthError => Object.values(AuthError).includes(o as AuthError)

/** A wrong PIN, saying how many tries are left before the account locks: one wording everywhere. */
export function wrongPinProblem(remainingAttempts: number, whose = ''): Problem {
  const tries = `${remainingAttempts} ${remainingAttempts === 1 ? 'try' : 'tries'}`
  return problem(401, 'invalid_pin', `Wrong ${whose}PIN. ${tries} left before the account locks.`, {
    remainingAttempts,
  })
}

export function authErrorToProblem(e: AuthError, remainingAttempts?: number): Problem {
  switch (e) {
    case AuthError.WrongCredentials:
      return problem(401, 'unauthorized', 'The phone number, email, PIN or password is not right.')
    case AuthError.InvalidPin:
      return wrongPinProblem(remainingAttempts ?? 0)
    case AuthError.Locked:
      return problem(423, 'account_locked', 'This account is locked. Contact GoPay support to unlock it.')
    case AuthError.PhoneNotVerified:
      return problem(403, 'forbidden', 'Confirm your phone number with the code we sent by SMS first.')
    case AuthError.InvalidRefreshToken:
      return problem(401, 'unauthorized', 'The refresh token is not valid; sign in again.')
    case AuthError.RefreshTokenReused:
      return problem(
        401,
        'unauthorized',
        'This refresh token was already used; every session of it is now signed out.',
      )
  }
}
