import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: [
      '*/src/**/*.test.ts',
      'tests/**/*.test.ts',
      'terminal-app/e2e/*.test.ts',
      'admin-web/e2e/**/*.test.ts',
    ],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: files in parallel, each against its own copy of the migrated database.
    maxWorkers: 2,
    reporters: ['default'],
  },
})
