// `gochat bench compare A.json B.json`: two runs (or two sets of repeated runs) of the same bench, figure by figure:
// B as a multiple of A, and, when a side holds repeats, whether the difference is beyond the spread of the
// repeats (their ranges do not overlap) rather than run-to-run noise. A file holds one report (`--json` output) or an
// array of them (`jq -s . run1.json run2.json > a.json`); a side may also name several files, comma-separated.
import { readFileSync } from 'node:fs'
import { UsageError } from '../src/core/operator-errors.js'
import type { FanoutRun } from './fanout.js'
import { fanoutFigures, sendFigures } from './figures.js'
import type { SendRun } from './one-to-one.js'
import type { Figures } from './thresholds.js'

export type BenchKind = 'fanout' | 'send'

export interface Side {
  kind: BenchKind
  runs: Figures[]
}

export interface FigureComparison {
  figure: string
  a: { mean: number; min: number; max: number; runs: number }
  b: { mean: number; min: number; max: number; runs: number }
  /** b.mean / a.mean (null when a.mean is 0) */
  ratio: number | null
  /** whether a higher value is better (rates) or a lower one (latencies, missing, CPU) */
  higherIsBetter: boolean
  /** null: no repeats on either side, so no spread to judge by */
  beyondSpread: boolean | null
  /** 'better' | 'worse' | 'same' for B against A; only when beyond the spread (or 'same' when equal) */
  verdict: 'better' | 'worse' | 'same' | 'within noise' | 'no repeats'
}

/** the figures where more is better; everything else (durations, losses, CPU) is better lower */
const HIGHER_IS_BETTER = new Set(['deliveriesPerSec', 'messagesPerSec', 'connectsPerSec', 'received'])

function figuresOf(report: unknown, where: string): { kind: BenchKind; figures: Figures } {
  const r = report as { gochat?: FanoutRun; messagesPerSec?: number }
  if (r && typeof r === 'object' && r.gochat && typeof r.gochat === 'object')
    return { kind: 'fanout', figures: fanoutFigures(r.gochat) }
  if (r && typeof r === 'object' && typeof r.messagesPerSec === 'number')
    return { kind: 'send', figures: sendFigures(report as SendRun) }
  throw new UsageError(`${where} is not the --json output of bench fanout or bench send`)
}

/** One side from its argument: file paths, comma-separated; each file one report or an array of them. */
export function loadSide(arg: string, read: (path: string) => string = (p) => readFileSync(p, 'utf8')): Side {
  const runs: Array<{ kind: BenchKind; figures: Figures }> = []
  for (const path of arg.split(',').filter(Boolean)) {
    let parsed: unknown
    try {
      parsed = JSON.parse(read(path))
    } catch (err) {
      throw new UsageError(`cannot read ${path}: ${(err as Error).message}`)
    }
    const reports = Array.isArray(parsed) ? parsed : [parsed]
    reports.forEach((r, k) => runs.push(figuresOf(r, Array.isArray(parsed) ? `${path}[${k}]` : path)))
  }
  if (runs.length === 0) throw new UsageError(`no runs in "${arg}"`)
  const kinds = new Set(runs.map((r) => r.kind))
  if (kinds.size > 1) throw new UsageError(`${arg} mixes bench fanout and bench send runs`)
  return { kind: runs[0]!.kind, runs: runs.map((r) => r.figures) }
}

const stats = (values: number[]) => ({
  mean: Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 1000) / 1000,
  min: Math.min(...values),
  max: Math.max(...values),
  runs: values.length,
})

export function compare(a: Side, b: Side): FigureComparison[] {
  if (a.kind !== b.kind) throw new UsageError(`cannot compare a bench ${a.kind} run with a bench ${b.kind} run`)
  return Object.keys(a.runs[0]!).map((figure) => {
    const sa = stats(a.runs.map((f) => f[figure]!.value))
    const sb = stats(b.runs.map((f) => f[figure]!.value))
    const higherIsBetter = HIGHER_IS_BETTER.has(figure)
    const repeats = sa.runs > 1 || sb.runs > 1
    // disjoint ranges: every run of one side beat every run of the other
    const beyondSpread = repeats ? sb.min > sa.max || sb.max < sa.min : null
    const up = sb.mean > sa.mean
    const verdict: FigureComparison['verdict'] =
      sa.mean === sb.mean
        ? 'same'
        : beyondSpread === null
          ? 'no repeats'
          : !beyondSpread
            ? 'within noise'
            : up === higherIsBetter
              ? 'better'
              : 'worse'
    return {
      figure,
      a: sa,
      b: sb,
      ratio: sa.mean === 0 ? null : Math.round((sb.mean / sa.mean) * 1000) / 1000,
      higherIsBetter,
      beyondSpread,
      verdict,
    }
  })
}
