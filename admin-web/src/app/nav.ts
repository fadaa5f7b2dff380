// The back office's sections, each with the permission its page reads with. A section whose read the
// server would refuse is not shown; everything else stays (the server decides the rest).
export interface Section {
  path: string
  label: string
  /** any one of these */
  permissions: string[]
}

export const sections: Section[] = [
  { path: '/', label: 'Dashboard', permissions: ['backoffice:read'] },
  { path: '/users', label: 'Users', permissions: ['users:read'] },
  { path: '/agents', label: 'Agents', permissions: ['backoffice:read'] },
  { path: '/merchants', label: 'Merchants', permissions: ['backoffice:read'] },
  { path: '/billers', label: 'Billers', permissions: ['backoffice:read'] },
  { path: '/tariffs', label: 'Tariffs and limits', permissions: ['backoffice:read'] },
  {
    path: '/transactions',
    label: 'Transactions',
    permissions: ['backoffice:read'],
  },
  { path: '/approvals', label: 'Approvals', permissions: ['backoffice:read'] },
  { path: '/fraud', label: 'Fraud', permissions: ['backoffice:read'] },
  { path: '/reports', label: 'Reports', permissions: ['reports:read'] },
  { path: '/audit', label: 'Audit log', permissions: ['audit:read'] },
  { path: '/health', label: 'System health', permissions: ['backoffice:read'] },
  { path: '/staff', label: 'Staff and roles', permissions: ['staff:read'] },
]

export const visibleSections = (can: (p: string) => boolean) =>
  sections.filter((s) => s.permissions.some(can))
