import { describe, expect, it } from 'vitest'
import { newId } from './deps.js'

describe('newId', () => {
  it('gives the prefix and 16 base64url characters, never the same twice across refills of its random pool', () => {
    const ids = Array.from({ length: 1000 }, () => newId('m_'))
    for (const id of ids) expect(id).toMatch(/^m_[A-Za-z0-9_-]{16}$/)
    expect(new Set(ids).size).toBe(ids.length)
  })
})
