// `--junit <file>`: the verdict in the JUnit XML that CI systems (GitHub Actions reporters, GitLab, Jenkins) show as
// test results. One testsuite per run; one testcase for the run's own soundness (every delivery arrived, every
// agent finished) and one per --threshold, failed when breached, with the actual figure in the message.
import { writeFileSync } from 'node:fs'
import type { Verdict } from '../verdict.js'
import { escapeXml } from './svg.js'

export interface JunitInput extends Verdict {
  /** e.g. "gochat bench fanout" */
  suite: string
  durationMs: number
}

const testcase = (suite: string, name: string, seconds: number, failure: string | null): string =>
  `    <testcase classname="${escapeXml(suite)}" name="${escapeXml(name)}" time="${seconds.toFixed(3)}">` +
  (failure === null
    ? ''
    : `\n      <failure message="${escapeXml(failure)}" type="${failure.startsWith('threshold') ? 'threshold' : 'run'}">${escapeXml(failure)}</failure>\n    `) +
  '</testcase>'

export function renderJunit(v: JunitInput, at = new Date()): string {
  const seconds = v.durationMs / 1000
  const runFailures = v.failures.filter((f) => !f.startsWith('threshold '))
  const cases = [
    testcase(
      v.suite,
      'run completes (every delivery, every agent)',
      seconds,
      runFailures.length ? runFailures.join('; ') : null,
    ),
    ...v.thresholds.map((t) =>
      testcase(
        v.suite,
        t.expression,
        0,
        t.ok ? null : `threshold ${t.expression} breached (${t.figure} = ${t.actual})`,
      ),
    ),
  ]
  const failures = (runFailures.length ? 1 : 0) + v.thresholds.filter((t) => !t.ok).length
  return `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="gochat bench" tests="${cases.length}" failures="${failures}" errors="0" time="${seconds.toFixed(3)}">
  <testsuite name="${escapeXml(v.suite)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="0" time="${seconds.toFixed(3)}" timestamp="${at.toISOString()}">
${cases.join('\n')}
  </testsuite>
</testsuites>
`
}

export function writeJunit(file: string, v: JunitInput): void {
  writeFileSync(file, renderJunit(v))
}
