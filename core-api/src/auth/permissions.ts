/**
 * The one permission matrix: which role may do what. Every route names the permission it needs;
 * nothing checks a role directly.
 */
export const roles = ['user', 'agent', 'merchant', 'admin', 'sub_admin', 'auditor', 'ussd'] as const
export type Role = (typeof roles)[number]

const matrix = {
  'wallet:read': ['user', 'agent', 'merchant'],
  'transactions:read': ['user', 'agent', 'merchant'],
  'transfer:create': ['user'],
  'merchant_payment:create': ['user'],
  'payment_requests:manage': ['merchant'],
  'refunds:create': ['merchant'],
  'withdrawal:create': ['user'],
  'cash_in:create': ['agent'],
  'cash_out:create': ['agent'],
  'float:read': ['agent'],
  'commissions:pay': ['admin'],
  'account:lock': ['user'],
  'limits:read': ['user'],
  // The USSD gateway: look-ups before the PIN, registration, and sessions opened with the user's PIN.
  'ussd:serve': ['ussd'],
  'bank_transfer:create': ['user'],
  'bills:pay': ['user'],
  // The billers and their account check are shown before the PIN on USSD, so the gateway reads them too.
  'billers:read': ['user', 'ussd'],
  'airtime:buy': ['user'],
  'float:manage': ['agent'],
  'settlement:create': ['merchant'],
  'reconciliation:run': ['admin'],
  'notifications:read': ['user', 'agent', 'merchant'],
  'profile:manage': ['user'],
  'devices:manage': ['user'],
  'cards:manage': ['user'],
  'cards:lookup': ['agent', 'merchant'],
  'cards:block': ['admin', 'sub_admin'],
  'kyc:submit': ['user'],
  'kyc:verify': ['admin', 'sub_admin'],
  'users:read': ['admin', 'sub_admin', 'auditor'],
  'users:lock': ['admin', 'sub_admin'],
  'ledger:read': ['admin', 'auditor'],
  'audit:read': ['admin', 'auditor'],
  'sms:read': ['admin', 'auditor'],
  'terminals:manage': ['admin', 'sub_admin'],
  'terminals:read': ['admin', 'sub_admin', 'auditor'],
  'customers:lookup': ['agent'],
  'customers:register': ['agent'],
  'cash_handover:create': ['agent'],
  'commissions:read': ['agent'],
  'card_payment:create': ['merchant'],
  'sales:read': ['merchant'],
  'receipts:read': ['user', 'agent', 'merchant'],
  'kyc_documents:read': ['admin', 'sub_admin', 'auditor'],
  'terminal_session:end': ['agent', 'merchant'],
  // The back office (issue 10). Sub-admins run operations; only admins change roles and tariffs or
  // decide a four-eyes request; auditors read everything and write nothing.
  'session:end': ['user', 'agent', 'merchant', 'admin', 'sub_admin', 'auditor', 'ussd'],
  'backoffice:read': ['admin', 'sub_admin', 'auditor'],
  'staff:read': ['admin', 'auditor'],
  'staff:manage': ['admin'],
  'kyc:review': ['admin', 'sub_admin'],
  'users:reset_pin_tries': ['admin', 'sub_admin'],
  'agents:manage': ['admin', 'sub_admin'],
  'merchants:manage': ['admin', 'sub_admin'],
  'billers:manage': ['admin', 'sub_admin'],
  'tariffs:change': ['admin'],
  'reversals:request': ['admin', 'sub_admin'],
  'approvals:decide': ['admin'],
  'fraud:review': ['admin', 'sub_admin'],
  'fraud:rules': ['admin'],
  'fraud:backtest': ['admin', 'sub_admin', 'auditor'],
  'reports:read': ['admin', 'auditor'],
} as const satisfies Record<string, readonly Role[]>

export type Permission = keyof typeof matrix

export function can(principalRoles: readonly string[], permission: Permission): boolean {
  const allowed: readonly string[] = matrix[permission]
  return principalRoles.some((r) => allowed.includes(r))
}

export const permissionMatrix: Readonly<Record<Permission, readonly Role[]>> = matrix
