// Logout survives a restart (issue 23, finding 1): `gochat up --data-dir D`, log out, stop the process, start it
// again on D: the revoked token is still refused (REST 401, WebSocket upgrade 401) while another token of the same
// user still works. Before, the signing secret persisted in D but the revocations lived only in the in-memory cache,
// so the revoked token answered 200 again for the rest of its lifetime.
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { RestClient } from '../../src/client/rest.js'
import { SocketClient } from '../../src/client/socket.js'
import { startUp } from '../helpers/up.js'

describe('gochat up --data-dir: a logout outlives a restart', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gochat-logout-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  const status = async (url: string, token: string) =>
    (await fetch(`${url}/v1/me`, { headers: { authorization: `Bearer ${token}` } })).status

  for (const signal of ['SIGTERM', 'SIGKILL'] as const) {
    it(`refuses the revoked token after a restart (${signal}), keeps the other device's`, async () => {
      const first = await startUp(['--data-dir', dir], { GOCHAT_JWT_SECRET: undefined })
      const name = `l${randomUUID().slice(0, 8)}`
      let revoked: string, other: string
      try {
        revoked = (await new RestClient(first.url).register(name, 'password-1')).token
        other = (await new RestClient(first.url).login(name, 'password-1')).token
        const res = await fetch(`${first.url}/v1/auth/logout`, {
          method: 'POST',
          headers: { authorization: `Bearer ${revoked}` },
        })
        expect(res.status).toBe(204)
        expect(await status(first.url, revoked)).toBe(401)
      } finally {
        if (signal === 'SIGKILL') first.child.kill('SIGKILL')
        await first.stop()
      }

      const second = await startUp(['--data-dir', dir], { GOCHAT_JWT_SECRET: undefined })
      try {
        expect(await status(second.url, other)).toBe(200) // the secret persisted: tokens of before still verify
        expect(await status(second.url, revoked)).toBe(401)
        await expect(SocketClient.connect(second.url, revoked)).rejects.toThrow(/401/)
        expect(await status(second.url, revoked)).toBe(401) // asked again, now from the reloaded cache
        const socket = await SocketClient.connect(second.url, other)
        expect((await socket.ping()).op).toBe('pong')
        socket.close()
      } finally {
        await second.stop()
      }
    })
  }
})
