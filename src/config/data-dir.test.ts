import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { homedir, tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { dataDirSecret, defaultDataDir, ensureDataDir, withDataDir } from './data-dir.js'
import { loadConfig } from './load.js'

describe('data dir', () => {
  const dirs: string[] = []
  const fresh = () => {
    const d = mkdtempSync(join(tmpdir(), 'gochat-dd-'))
    dirs.push(d)
    return d
  }
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
  })

  it('defaults to $XDG_DATA_HOME/gochat, else ~/.local/share/gochat', () => {
    expect(defaultDataDir({ XDG_DATA_HOME: '/data' })).toBe('/data/gochat')
    expect(defaultDataDir({})).toBe(join(homedir(), '.local', 'share', 'gochat'))
  })

  it('makes the secret once, mode 0600, and returns the same one after that', () => {
    const dir = ensureDataDir(join(fresh(), 'nested', 'gochat'))
    const secret = dataDirSecret(dir)
    expect(secret.length).toBeGreaterThanOrEqual(32)
    expect(statSync(join(dir, 'secret')).mode & 0o777).toBe(0o600)
    expect(statSync(dir).mode & 0o777).toBe(0o700)
    expect(dataDirSecret(dir)).toBe(secret)
    writeFileSync(join(dir, 'secret'), 'short')
    expect(() => dataDirSecret(dir)).toThrow(/at least 32/)
  })

  it('uses the stored secret only when jwt_secret is not configured; refuses async persistence on the embedded bus', () => {
    const dir = fresh()
    const stored = withDataDir(loadConfig({ env: {} }), dir)
    expect(stored.jwt_secret).toBe(dataDirSecret(dir))
    expect(stored.data_dir).toBe(dir)
    const mine = 'x'.repeat(40)
    expect(withDataDir(loadConfig({ env: { GOCHAT_JWT_SECRET: mine } }), dir).jwt_secret).toBe(mine)
    expect(() => withDataDir(loadConfig({ env: { GOCHAT_PERSISTENCE: 'async' } }), dir)).toThrow(/needs Kafka/)
  })
})
