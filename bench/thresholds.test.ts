import { describe, expect, it } from 'vitest'
import { UsageError } from '../src/core/operator-errors.js'
import { fanoutFigures, sendFigures } from './figures.js'
import {
  breached,
  evaluateThresholds,
  parseThreshold,
  parseThresholds,
  renderThresholds,
  type Figures,
} from './thresholds.js'

const figures: Figures = {
  p99: { value: 150, duration: true },
  p999: { value: 400, duration: true },
  missing: { value: 0 },
  deliveriesPerSec: { value: 60_000 },
}

describe('parseThreshold', () => {
  it('reads figure, operator and value, converting duration units to ms', () => {
    expect(parseThreshold('p99<200ms', figures)).toEqual({
      expression: 'p99<200ms',
      figure: 'p99',
      op: '<',
      value: 200,
    })
    expect(parseThreshold(' p99 <= 0.2s ', figures)).toMatchObject({ op: '<=', value: 200 })
    expect(parseThreshold('p99<500us', figures)).toMatchObject({ value: 0.5 })
    expect(parseThreshold('p99<200', figures)).toMatchObject({ value: 200 })
    expect(parseThreshold('missing==0', figures)).toMatchObject({ figure: 'missing', op: '==', value: 0 })
    expect(parseThreshold('deliveriesPerSec>5e4', figures)).toMatchObject({ op: '>', value: 50_000 })
  })

  it("accepts k6's percentile spellings", () => {
    expect(parseThreshold('p(99)<200', figures).figure).toBe('p99')
    expect(parseThreshold('p99.9<1s', figures)).toMatchObject({ figure: 'p999', value: 1000 })
  })

  it.each([
    ['p99', 'is not <figure><op><number>'],
    ['p99 => 200', 'is not <figure><op><number>'],
    ['p99<abc', 'is not <figure><op><number>'],
    ['p98<200ms', 'no figure named p98'],
    ['missing==0ms', 'missing is not a duration'],
    ['p99<2h', 'unknown unit h'],
  ])('rejects %s as a usage error (exit 2)', (expr, message) => {
    let err: unknown
    try {
      parseThreshold(expr, figures)
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(UsageError)
    expect((err as UsageError).exitCode).toBe(2)
    expect((err as Error).message).toContain(message)
  })

  it('names the figures a bench offers in the hint of an unknown one', () => {
    try {
      parseThreshold('nope<1', fanoutFigures())
      expect.unreachable()
    } catch (e) {
      expect((e as UsageError).hint).toContain('deliveriesPerSec')
    }
  })
})

describe('evaluateThresholds', () => {
  it('marks each threshold held or breached against the actual figure', () => {
    const ts = parseThresholds(
      ['p99<200ms', 'p999<300ms', 'missing==0', 'deliveriesPerSec>50000', 'missing!=0'],
      figures,
    )
    const results = evaluateThresholds(ts, figures)
    expect(results.map((r) => [r.figure, r.actual, r.ok])).toEqual([
      ['p99', 150, true],
      ['p999', 400, false],
      ['missing', 0, true],
      ['deliveriesPerSec', 60_000, true],
      ['missing', 0, false],
    ])
    expect(breached(results).map((r) => r.expression)).toEqual(['p999<300ms', 'missing!=0'])
    expect(renderThresholds(results)).toContain('2 of 5 BREACHED')
    expect(renderThresholds(results)).toContain('✗ p999<300ms  (p999 = 400)')
  })

  it('holds on the boundary only for the inclusive operators', () => {
    const ts = parseThresholds(['p99<150', 'p99<=150', 'p99>=150', 'p99>150'], figures)
    expect(evaluateThresholds(ts, figures).map((r) => r.ok)).toEqual([false, true, true, false])
  })

  it('knows the send bench by its own rate figure', () => {
    expect(sendFigures().messagesPerSec).toBeDefined()
    expect(sendFigures().deliveriesPerSec).toBeUndefined()
    expect(() => parseThreshold('deliveriesPerSec>1', sendFigures())).toThrow(UsageError)
  })
})
