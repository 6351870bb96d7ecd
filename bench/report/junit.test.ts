import { describe, expect, it } from 'vitest'
import { parseXml } from '../../test/helpers/xml.js'
import { renderJunit } from './junit.js'

describe('renderJunit', () => {
  it('writes one testcase for the run and one per threshold, failures marked, as well-formed XML', () => {
    const xml = renderJunit({
      suite: 'gochat bench fanout',
      durationMs: 4200,
      ok: false,
      failures: ['gochat: 3 of 100 deliveries missing', 'threshold p99<1ms breached (p99 = 2.5)'],
      thresholds: [
        { expression: 'p99<1ms', figure: 'p99', op: '<', value: 1, actual: 2.5, ok: false },
        { expression: 'missing<5', figure: 'missing', op: '<', value: 5, actual: 3, ok: true },
      ],
    })
    const root = parseXml(xml)
    expect(root.name).toBe('testsuites')
    const [suite] = root.children
    expect(suite!.attributes).toMatchObject({ name: 'gochat bench fanout', tests: '3', failures: '2', time: '4.200' })
    const cases = suite!.children
    expect(cases.map((c) => c.attributes.name)).toEqual([
      'run completes (every delivery, every agent)',
      'p99<1ms',
      'missing<5',
    ])
    expect(cases[0]!.children[0]!.attributes.message).toBe('gochat: 3 of 100 deliveries missing')
    expect(cases[1]!.children[0]!.attributes).toMatchObject({ type: 'threshold' })
    expect(cases[1]!.children[0]!.text).toContain('p99 = 2.5')
    expect(cases[2]!.children).toEqual([])
  })

  it('passes every testcase of a sound run', () => {
    const root = parseXml(renderJunit({ suite: 's', durationMs: 1, ok: true, failures: [], thresholds: [] }))
    expect(root.children[0]!.attributes.failures).toBe('0')
    expect(root.children[0]!.children).toHaveLength(1)
    expect(root.children[0]!.children[0]!.children).toEqual([])
  })

  it('rejects malformed XML (the reader is a real check)', () => {
    expect(() => parseXml('<a><b></a>')).toThrow()
    expect(() => parseXml('<a x=1></a>')).toThrow()
    expect(() => parseXml('<a>&bogus;</a>')).toThrow()
  })
})
