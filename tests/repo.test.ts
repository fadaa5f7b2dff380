import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'

// The compose file and the CI pipeline cannot be run here (no Docker engine, no GitLab runner), so
// these checks keep them from rotting.
const root = new URL('..', import.meta.url).pathname
const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8'))
const hasDockerCompose = (() => {
  try {
    execFileSync('docker-compose', ['version'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
})()

describe('docker-compose.yml', () => {
  it.skipIf(!hasDockerCompose)('validates with docker-compose config (Debian docker-compose)', () => {
    const out = execFileSync('docker-compose', ['-f', `${root}docker-compose.yml`, 'config', '--quiet'], {
      env: {
        ...process.env,
        JWT_SECRET: 'x'.repeat(40),
        USSD_SERVICE_SECRET: 'y'.repeat(24),
        USSD_SHARED_SECRET: 'z'.repeat(12),
      },
      encoding: 'utf8',
    })
    expect(out).toBe('')
  })
  if (!hasDockerCompose)
    console.warn('docker-compose is not installed: compose validation skipped (.ci/run installs it)')

  it('has every service the system needs, each with a Dockerfile that exists', () => {
    const compose = parse(readFileSync(`${root}docker-compose.yml`, 'utf8'))
    expect(Object.keys(compose.services).sort()).toEqual([
      'admin-web',
      'core-api',
      'postgres',
      'redis',
      'ussd-gateway',
      'worker',
    ])
    for (const [name, svc] of Object.entries<{ build?: { dockerfile: string } }>(compose.services)) {
      if (name === 'postgres' || name === 'redis') continue
      expect(existsSync(`${root}${svc.build!.dockerfile}`), `${name}'s Dockerfile`).toBe(true)
    }
  })
})

describe('.gitlab-ci.yml', () => {
  const ci = parse(readFileSync(`${root}.gitlab-ci.yml`, 'utf8'))
  const reserved = new Set([
    'stages',
    'default',
    'variables',
    'workflow',
    'include',
    'image',
    'services',
    'cache',
    'before_script',
    'after_script',
  ])
  const jobs = Object.entries<Record<string, unknown>>(ci).filter(
    ([k]) => !reserved.has(k) && !k.startsWith('.'),
  )

  it('declares the stage of every job, and has lint, typecheck, test and build', () => {
    expect(ci.stages).toEqual(['lint', 'typecheck', 'test', 'build'])
    for (const [name, job] of jobs) {
      const stage = (job.stage ?? (job.extends ? ci[job.extends as string].stage : undefined)) as string
      expect(ci.stages, `stage of ${name}`).toContain(stage)
    }
  })

  it('calls only npm scripts that package.json defines', () => {
    const scripts = JSON.stringify(ci).match(/npm run ([\w:-]+)/g) ?? []
    expect(scripts.length).toBeGreaterThan(0)
    for (const s of scripts) expect(pkg.scripts, s).toHaveProperty(s.replace('npm run ', ''))
  })

  it('tests against PostgreSQL and Redis services', () => {
    const test = ci.test as {
      services: Array<{ name: string }>
      variables: Record<string, string>
      script: string[]
    }
    expect(test.services.map((s) => s.name.split(':')[0])).toEqual(['postgres', 'redis'])
    expect(test.variables.DATABASE_URL).toMatch(/^postgres:\/\//)
    expect(test.script).toContain('npm test')
  })
})

describe('README and .ci/run', () => {
  it('.ci/run runs exactly the README test command', () => {
    const readme = readFileSync(`${root}README.md`, 'utf8')
    const run = readFileSync(`${root}.ci/run`, 'utf8')
    expect(readme).toContain('npm ci && npm start')
    expect(readme).toContain('npm test')
    expect(run).toMatch(/^npm test$/m)
  })
})

// Typecheck and lint are part of `npm test`, so CI (which runs only the README's test command)
// refuses code that does not typecheck or lint.
describe('code health', () => {
  const run = (script: string) =>
    execFileSync('npm', ['run', '--silent', script], { cwd: root, encoding: 'utf8', stdio: 'pipe' })
  it('typechecks (npm run typecheck)', { timeout: 240_000 }, () => {
    expect(() => run('typecheck')).not.toThrow()
  })
  it('lints (npm run lint)', { timeout: 240_000 }, () => {
    expect(() => run('lint')).not.toThrow()
  })
})
