// The result of `gochat bench fanout` as one data object (what --json prints), and its verdict.
import type { FanoutRun } from '../fanout.js'
import type { OfflinePushCount } from '../offline-push.js'
import type { Ratios } from '../ratios.js'
import type { BaselineKind } from '../baseline/spawn.js'

/** the runs of the baselines that ran (`--baseline`), by kind */
export type BaselineRuns = Partial<Record<BaselineKind, FanoutRun>>

export interface FanoutReport {
  gochat: FanoutRun
  /** `--kafka` given: the run's OfflinePush records; otherwise "n/a" */
  offlinePush: OfflinePushCount | 'n/a' | { error: string }
  baselines?: BaselineRuns
  ratios?: Partial<Record<BaselineKind, Ratios>>
  machine: { cores: number; memoryBytes: number; node: string; platform: string }
  ok: boolean
  /** why ok is false */
  failures: string[]
}

/** Missing deliveries (or members that never connected) fail the run: the figures would be of a different load. */
export function verdict(run: FanoutRun): string[] {
  const c = run.completeness
  // a failed agent first: the missing deliveries below are mostly its
  const out: string[] = [...(run.agents?.failures ?? [])]
  if (c.missing > 0) out.push(`${run.system}: ${c.missing} of ${c.expected} deliveries missing`)
  if (c.connectFailures > 0)
    out.push(`${run.system}: ${c.connectFailures} members could not connect (${run.setup.connectErrors.join('; ')})`)
  if (run.send.failed > 0) out.push(`${run.system}: ${run.send.failed} sends failed (${run.send.errors.join('; ')})`)
  return out
}

export function buildFanoutReport(
  gochat: FanoutRun,
  offlinePush: FanoutReport['offlinePush'],
  baselines: BaselineRuns | undefined,
  ratiosOf: (g: FanoutRun, b: FanoutRun) => Ratios,
  machineInfo: FanoutReport['machine'],
): FanoutReport {
  const failures = verdict(gochat)
  // the baselines are yardsticks: their own gaps are reported in their columns but do not fail gochat's run
  const push =
    typeof offlinePush === 'object' && 'complete' in offlinePush && !offlinePush.complete
      ? [`offline push: ${offlinePush.notifications} of ${offlinePush.expected} notifications on ${offlinePush.topic}`]
      : []
  return {
    gochat,
    offlinePush,
    ...(baselines ? { baselines } : {}),
    ...(baselines
      ? {
          ratios: Object.fromEntries(
            Object.entries(baselines).map(([kind, run]) => [kind, ratiosOf(gochat, run)]),
          ) as FanoutReport['ratios'],
        }
      : {}),
    machine: machineInfo,
    ok: failures.length === 0,
    failures: [...failures, ...push],
  }
}

/** gochat's run, then each baseline's that ran, in the order they run */
export const runsOf = (report: FanoutReport): FanoutRun[] => [report.gochat, ...Object.values(report.baselines ?? {})]
