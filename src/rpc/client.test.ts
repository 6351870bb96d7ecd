// grpcTarget: one address as it is; several instances as an ipv4: list that the client calls round robin.
import { describe, expect, it } from 'vitest'
import { grpcTarget } from './client.js'

describe('grpcTarget', () => {
  it('passes one address through and lists several under the ipv4 scheme', () => {
    expect(grpcTarget('repo.internal:50052')).toBe('repo.internal:50052')
    expect(grpcTarget('127.0.0.1:5001,127.0.0.1:5002')).toBe('ipv4:127.0.0.1:5001,127.0.0.1:5002')
  })

  it('refuses a list of names, saying what to do instead', () => {
    expect(() => grpcTarget('127.0.0.1:5001,repo-2:5002')).toThrow(/IPv4 host:port pairs, not repo-2:5002 \(resolve names to addresses first\)/)
  })
})
