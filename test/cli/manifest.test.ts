// oclif.manifest.json lets `gochat` load only the command it runs (scripts/gen-manifest.js). A command or flag added
// without `npm run manifest` would be missing from help and from command lookup: this fails first.
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const script = join(import.meta.dirname, '../../scripts/gen-manifest.js')

describe('oclif.manifest.json', () => {
  it('matches the commands and flags of cli/commands (else: npm run manifest)', () => {
    const r = spawnSync('node', [script, '--check'], { encoding: 'utf8' })
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
  }, 60_000)
})
