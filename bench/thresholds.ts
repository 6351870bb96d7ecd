// Pass/fail criteria on a run's figures, as k6 has them: `--threshold 'p99<200ms'`. Each expression names one figure
// of the run (figures.ts), compares it with a number (a duration may carry ms, s or us; a rate or count none) and
// holds or is breached. A breach exits 99, k6's code, so CI tells "slower than agreed" from "broken" (1) and
// "bad input" (2). Parsed before the run starts: a typo fails in a second, not after the load.
import { UsageError } from '../src/core/operator-errors.js'

export type Op = '<' | '<=' | '>' | '>=' | '==' | '!='

export interface Threshold {
  /** as the user wrote it */
  expression: string
  figure: string
  op: Op
  /** in the figure's unit: milliseconds for durations */
  value: number
}

export interface ThresholdResult extends Threshold {
  actual: number
  ok: boolean
}

/** a figure, with its unit when it is a duration (the value of a threshold on it may then say ms, s or us) */
export type Figures = Record<string, { value: number; duration?: boolean }>

const SHAPE = /^\s*([A-Za-z][A-Za-z0-9_.()]*)\s*(<=|>=|==|!=|<|>)\s*(-?\d+(?:\.\d+)?(?:e[+-]?\d+)?)\s*([a-zµ]*)\s*$/i
const UNITS: Record<string, number> = { ms: 1, s: 1000, us: 0.001, µs: 0.001 }
/** k6's spellings of percentiles, and p99.9 for p999 */
const ALIASES: Record<string, string> = {
  'p(50)': 'p50',
  'p(90)': 'p90',
  'p(99)': 'p99',
  'p(99.9)': 'p999',
  'p99.9': 'p999',
}

/** Parses one expression against the figures a bench offers; a bad one is a usage error naming what is wrong. */
export function parseThreshold(expression: string, figures: Figures): Threshold {
  const m = SHAPE.exec(expression)
  if (!m)
    throw new UsageError(
      `--threshold '${expression}' is not <figure><op><number>[unit]`,
      "e.g. 'p99<200ms', 'missing==0', 'deliveriesPerSec>50000'; operators < <= > >= == !=",
    )
  const [, rawName, op, number, rawUnit] = m
  const figure = ALIASES[rawName!] ?? rawName!
  const known = figures[figure]
  if (!known)
    throw new UsageError(
      `--threshold '${expression}': no figure named ${rawName}`,
      `figures: ${Object.keys(figures).join(', ')}`,
    )
  const unit = rawUnit!.toLowerCase()
  if (unit && !known.duration)
    throw new UsageError(`--threshold '${expression}': ${figure} is not a duration and takes no unit`)
  if (unit && UNITS[unit] === undefined)
    throw new UsageError(
      `--threshold '${expression}': unknown unit ${rawUnit}`,
      'durations take ms (the default), s or us',
    )
  return { expression: expression.trim(), figure, op: op as Op, value: Number(number) * (unit ? UNITS[unit]! : 1) }
}

export function parseThresholds(expressions: string[] | undefined, figures: Figures): Threshold[] {
  return (expressions ?? []).map((e) => parseThreshold(e, figures))
}

const holds: Record<Op, (a: number, b: number) => boolean> = {
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
  '==': (a, b) => a === b,
  '!=': (a, b) => a !== b,
}

export function evaluateThresholds(thresholds: Threshold[], figures: Figures): ThresholdResult[] {
  return thresholds.map((t) => {
    const actual = figures[t.figure]!.value
    return { ...t, actual, ok: holds[t.op](actual, t.value) }
  })
}

/** the exit code of a run whose thresholds were breached (k6's) */
export const THRESHOLD_EXIT = 99

export const breached = (results: ThresholdResult[]): ThresholdResult[] => results.filter((r) => !r.ok)

/** one line per threshold, k6-style: ✓ p99<200ms (p99 = 12.3) */
export function renderThresholds(results: ThresholdResult[]): string {
  if (results.length === 0) return ''
  const lines = results.map((r) => `${r.ok ? '✓' : '✗'} ${r.expression}  (${r.figure} = ${r.actual})`)
  const bad = breached(results).length
  return `thresholds: ${bad ? `${bad} of ${results.length} BREACHED` : `all ${results.length} hold`}\n${lines.join('\n')}`
}
