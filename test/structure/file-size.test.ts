// The tree's size rule (scripts/check-file-size.js, `npm run lint:size`) holds, and would catch a file over it.
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

const script = join(import.meta.dirname, '../../scripts/check-file-size.js')
const scratch = mkdtempSync(join(tmpdir(), 'gochat-file-size-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

const tree = (files: Record<string, number>) => {
  const root = mkdtempSync(join(scratch, 'tree-'))
  for (const [path, lines] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true })
    writeFileSync(join(root, path), 'export const x = 1\n'.repeat(lines))
  }
  return root
}

describe('no source file over 400 lines', () => {
  it('holds for this tree', () => {
    expect(() => execFileSync('node', [script], { stdio: 'pipe' })).not.toThrow()
  })

  it('names a file over the limit, and exempts tests and generated code', () => {
    const root = tree({
      'src/drivers/x/store.ts': 401,
      'services/repo/ok.ts': 400,
      'src/drivers/x/store.test.ts': 900,
      'test/contract/big.contract.ts': 900,
      'src/contracts/generated/big.ts': 900,
      'web/app.js': 401,
      'bench/tool.js': 900,
    })
    const r = spawnSync('node', [script, root], { encoding: 'utf8' })
    expect(r.status).toBe(1)
    expect(r.stderr).toContain('src/drivers/x/store.ts: 401 lines')
    expect(r.stderr).toContain('web/app.js: 401 lines') // the page's modules too
    expect(r.stderr).not.toMatch(/ok\.ts|store\.test\.ts|big|tool\.js/)
  })
})
