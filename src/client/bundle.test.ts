// dist/ holds gochat/client built by scripts/build-client.js (committed, so that neither a user nor `gochat up`
// builds anything): it must be what the script makes from the sources now, and the package must export it.
import { readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
// @ts-expect-error a plain ES module script, without types
import { bundles } from '../../scripts/build-client.js'

describe('the built gochat/client', () => {
  it('dist/ is up to date with src/client (else: npm run client:build)', async () => {
    for (const [path, text] of Object.entries((await bundles()) as Record<string, string>))
      expect(readFileSync(path, 'utf8') === text, `${path} is stale: npm run client:build`).toBe(true)
  })

  it('the browser file imports nothing and stays small', () => {
    const text = readFileSync('dist/client.js', 'utf8')
    expect(text).not.toMatch(/\bimport\s*[("'{*]|from\s*["']/)
    expect(gzipSync(text).length).toBeLessThan(16 * 1024)
  })

  it("Node imports it as 'gochat/client' and works with ws", async () => {
    const lib = await import('gochat/client')
    expect(typeof lib.GochatClient).toBe('function')
    expect(typeof lib.FileOutbox).toBe('function')
    const c = new lib.GochatClient({ url: 'http://127.0.0.1:9' })
    expect(c.state).toBe('idle')
  })
})
