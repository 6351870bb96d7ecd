// One finding of `gochat doctor`: what was checked, on what, how it stands and what to do about it.
export type Status = 'ok' | 'warn' | 'fail'

export interface Check {
  /** readiness, lag, dead letters, secret, exposure, tls */
  area: string
  /** what was checked: a URL, a consumer group, a config key, a file */
  target: string
  status: Status
  /** what was seen */
  detail: string
  /** what to do about it (empty when ok) */
  fix: string
}

export const ok = (area: string, target: string, detail: string): Check => ({
  area,
  target,
  status: 'ok',
  detail,
  fix: '',
})
export const warn = (area: string, target: string, detail: string, fix: string): Check => ({
  area,
  target,
  status: 'warn',
  detail,
  fix,
})
export const fail = (area: string, target: string, detail: string, fix: string): Check => ({
  area,
  target,
  status: 'fail',
  detail,
  fix,
})
