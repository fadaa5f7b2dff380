// The back office's sections, each with the permission its page reads with. A section whose read the
// server would refuse is not shown; everything else stays (the server decides the rest).
export interface Section {
  path: string
  label: string
  /** any one of these */
  permissions: string[]
}

export const sections: Section[] = [
  { path: '/', label: 'Dashboard', permissions: ['dashboard:read'] },
  { path: '/users', label: 'Users', permissions: ['users:read'] },
  { path: '/agents', label: 'Agents', permissions: ['agents:read'] },
  { path: '/merchants', label: 'Merchants', permissions: ['merchants:read'] },
  { path: '/billers', label: 'Billers', permissions: ['billers:manage', 'merchants:read'] },
  { path: '/tariffs', label: 'Tariffs and limits', permissions: ['tariffs:read'] },
  {
    path: '/transactions',
    label: 'Transactions',
    permissions: ['transactions:search', 'admin_transactions:read'],
  },
  { path: '/approvals', label: 'Approvals', permissions: ['approvals:read'] },
  { path: '/fraud', label: 'Fraud', permissions: ['fraud:read'] },
  { path: '/reports', label: 'Reports', permissions: ['reports:read'] },
  { path: '/audit', label: 'Audit log', permissions: ['audit:read'] },
  { path: '/health', label: 'System health', permissions: ['health:read'] },
  { path: '/staff', label: 'Staff and roles', permissions: ['staff:read'] },
]

export const visibleSections = (can: (p: string) => boolean) =>
  sections.filter((s) => s.permissions.some(can))
