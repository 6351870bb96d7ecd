import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadConfig } from './load.js'
import { gatewayKeys, logicKeys, repoKeys, sectionOf, taskKeys } from './sections.js'

const sections = { gateway: gatewayKeys, logic: logicKeys, repo: repoKeys, task: taskKeys }

/** every `cfg.<key>` a role's own (non-test) sources read */
function keysRead(role: string): Set<string> {
  const dir = join(import.meta.dirname, '../../services', role)
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter(
    (f) => f.endsWith('.ts') && !f.endsWith('.test.ts'),
  )
  const read = new Set<string>()
  for (const f of files)
    for (const m of readFileSync(join(dir, f), 'utf8').matchAll(/\bcfg\.([a-z][a-z0-9_]*)/g)) read.add(m[1]!)
  return read
}

describe('config sections', () => {
  it('hands a role the keys of its section and no other', () => {
    const cfg = loadConfig({ env: {} })
    const section = sectionOf(cfg, taskKeys)
    expect(Object.keys(section).sort()).toEqual([...taskKeys].sort())
    expect(section.large_group_threshold).toBe(cfg.large_group_threshold)
    expect('jwt_secret' in section).toBe(false)
  })

  for (const [role, keys] of Object.entries(sections)) {
    it(`${role}: every key its sources read is in its section`, () => {
      const read = [...keysRead(role)]
      expect(read.length).toBeGreaterThan(0)
      expect(read.filter((k) => !(keys as readonly string[]).includes(k))).toEqual([])
    })
  }
})
