// A bench's verdict and exit code: its own failures (missing deliveries, connect failures, a failed agent) exit 1;
// a breached threshold exits 99 (k6's convention), so that CI can tell "slower than agreed" apart. Both can hold:
// a run with a breach exits 99 whatever else failed, since a threshold is what the user asked CI to gate on.
import {
  breached,
  evaluateThresholds,
  renderThresholds,
  THRESHOLD_EXIT,
  type Figures,
  type Threshold,
  type ThresholdResult,
} from './thresholds.js'

export interface Verdict {
  ok: boolean
  /** why ok is false, breached thresholds included */
  failures: string[]
  /** every --threshold, held or breached (empty without any) */
  thresholds: ThresholdResult[]
}

export function applyThresholds<R extends { ok: boolean; failures: string[] }>(
  report: R,
  thresholds: Threshold[],
  figures: Figures,
): R & Verdict {
  const results = evaluateThresholds(thresholds, figures)
  const bad = breached(results).map((r) => `threshold ${r.expression} breached (${r.figure} = ${r.actual})`)
  return { ...report, ok: report.ok && bad.length === 0, failures: [...report.failures, ...bad], thresholds: results }
}

export function exitCodeOf(v: Verdict): number {
  if (breached(v.thresholds).length) return THRESHOLD_EXIT
  return v.ok ? 0 : 1
}

/** the thresholds' lines for the table output, or nothing when there were none */
export const thresholdLines = (v: Verdict): string => renderThresholds(v.thresholds)
