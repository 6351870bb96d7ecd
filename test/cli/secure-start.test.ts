// Finding 4 of issue 11: the public default jwt_secret is refused on real infrastructure, `gochat up` makes its
// own secret and listens on loopback unless told --host.
import { spawn } from 'node:child_process'
import { networkInterfaces } from 'node:os'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { configKeys } from '../../src/config/index.js'
import { startUp } from '../helpers/up.js'

const BIN = fileURLToPath(new URL('../../bin/run.js', import.meta.url))

function gochat(args: string[], env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    child.stdout.on('data', (d) => (out += d))
    child.stderr.on('data', (d) => (out += d))
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000)
    child.once('exit', (code) => {
      clearTimeout(timer)
      resolve({ code, out })
    })
  })
}

/** an address of this machine other than loopback, if it has one */
const external = Object.values(networkInterfaces())
  .flat()
  .find((a) => a && a.family === 'IPv4' && !a.internal)?.address

describe('starting safely', () => {
  it('serve refuses a role alone with the default or a short secret, naming the key and not the value', async () => {
    for (const secret of [configKeys.jwt_secret.default, 'only-twenty-chars-xx']) {
      const { code, out } = await gochat(['serve', '--role=logic', '--metrics-port=0'], {
        GOCHAT_JWT_SECRET: secret,
        GOCHAT_LOGIC_ADDR: '127.0.0.1:0',
      })
      expect(code, out).toBe(2)
      expect(out).toMatch(/jwt_secret/)
      expect(out).toMatch(/GOCHAT_JWT_SECRET/)
      expect(out).not.toContain(secret)
    }
  })

  it('serve refuses to listen for gRPC on a non-loopback address with neither rpc_secret nor mutual TLS', async () => {
    const { code, out } = await gochat(['serve', '--role=logic', '--metrics-port=0'], {
      GOCHAT_JWT_SECRET: 'x'.repeat(40),
      GOCHAT_LOGIC_ADDR: '0.0.0.0:0',
      GOCHAT_RPC_SECRET: '',
    })
    expect(code, out).toBe(2)
    expect(out).toMatch(/gRPC would listen on 0\.0\.0\.0:0 with no caller check/)
    expect(out).toMatch(/GOCHAT_RPC_SECRET/)
  })

  it('up without a secret makes a random one (printing none) and listens on 127.0.0.1 only', async () => {
    const up = await startUp([], { GOCHAT_JWT_SECRET: undefined })
    try {
      expect((await fetch(`${up.url}/health`)).status).toBe(200)
      expect(up.url).toMatch(/^http:\/\/127\.0\.0\.1:/)
      expect(up.output()).toMatch(/random secret made for this run/)
      if (external) {
        const port = new URL(up.url).port
        await expect(fetch(`http://${external}:${port}/health`)).rejects.toThrow()
      }
    } finally {
      await up.stop()
    }
  })
})
