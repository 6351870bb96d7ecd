// --since accepts an ISO time or a duration back from now (90s, 15m, 2h, 1d).

/** ISO 8601 date or date-time: JavaScript's Date.parse alone would also take "90" (1990) or "Dec 25" (2001). */
const ISO = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i

export function parseSince(value: string, now = Date.now()): number {
  const v = value.trim()
  const m = /^(\d+)(ms|s|m|h|d)$/.exec(v)
  if (m) return now - Number(m[1]) * { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] as 'ms']
  const t = ISO.test(v) ? Date.parse(v) : NaN
  if (Number.isNaN(t))
    throw new Error(
      `--since: "${value}" is neither an ISO time (2026-11-25T10:00:00Z) nor a duration (90s, 15m, 2h, 1d)`,
    )
  return t
}
