import { describe, expect, it } from 'vitest'
import { requireId } from './validate.js'

describe('requireId', () => {
  it('accepts ids and keys as they are', () => {
    expect(requireId('u_AbC-1', 'userId')).toBe('u_AbC-1')
  })
  it('refuses empty, overlong and space-padded values, naming the field', () => {
    expect(() => requireId('', 'userId')).toThrow(/userId is required/)
    expect(() => requireId('x'.repeat(129), 'userId')).toThrow(/longer than 128/)
    // MariaDB would match "u_1 " to "u_1"; nothing else would
    expect(() => requireId('u_1 ', 'userId')).toThrow(/whitespace/)
    expect(() => requireId(' u_1', 'peerUserId')).toThrow(/peerUserId must not start or end with whitespace/)
  })
})
