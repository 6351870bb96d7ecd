// grpcTarget: one address as it is; several instances as an ipv4: list that the client calls round robin. Failures:
// what reaches a client is a gochat error as it was thrown, or a stable short message (never an address or a driver's text).
import { describe, expect, it, vi } from 'vitest'
import { AppError } from '../core/errors.js'
import { grpcTarget, logicClient, logicDefinition } from './client.js'
import { startGrpcServer, stopGrpcServer } from './server.js'

describe('grpcTarget', () => {
  it('passes one address through and lists several under the ipv4 scheme', () => {
    expect(grpcTarget('repo.internal:50052')).toBe('repo.internal:50052')
    expect(grpcTarget('127.0.0.1:5001,127.0.0.1:5002')).toBe('ipv4:127.0.0.1:5001,127.0.0.1:5002')
  })

  it('refuses a list of names, saying what to do instead', () => {
    expect(() => grpcTarget('127.0.0.1:5001,repo-2:5002')).toThrow(
      /IPv4 host:port pairs, not repo-2:5002 \(resolve names to addresses first\)/,
    )
  })
})

describe('gRPC failures as clients see them', () => {
  it('a peer that is down: unavailable with a stable message, no address', async () => {
    const client = logicClient('127.0.0.1:1')
    try {
      const err = await client.Guest({ display_name: 'x' }).catch((e: unknown) => e)
      expect(err).toBeInstanceOf(AppError)
      expect(err).toMatchObject({ code: 'unavailable', message: 'service unavailable, try again' })
      expect((err as Error).message).not.toMatch(/127\.0\.0\.1|connection/i)
    } finally {
      client.close()
    }
  })

  it('a driver error behind the server: internal error, its text stays in the server log; gochat errors pass as they are', async () => {
    const guest = vi.fn()
    const api = new Proxy({}, { get: (_, name) => (name === 'Guest' ? guest : async () => ({})) })
    const { server, address } = await startGrpcServer('127.0.0.1:0', [{ definition: logicDefinition(), api }])
    const client = logicClient(address)
    try {
      guest.mockRejectedValueOnce(new Error("ER_ACCESS_DENIED_ERROR: Access denied for user 'gochat'@'10.0.0.7'"))
      const err = await client.Guest({}).catch((e: unknown) => e)
      expect(err).toMatchObject({ code: 'internal', message: 'internal error' })
      guest.mockRejectedValueOnce(new AppError('bad_request', 'displayName is too long'))
      expect(await client.Guest({}).catch((e: unknown) => e)).toMatchObject({
        code: 'bad_request',
        message: 'displayName is too long',
      })
    } finally {
      client.close()
      await stopGrpcServer(server, 100)
    }
  })
})
