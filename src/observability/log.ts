// Structured logs: one JSON object a line when stdout is not a TTY (production), a readable line on a TTY.
// Every line carries the role (and instance) of its process or logger, and trace_id/span_id while a span is active.

type Level = 'debug' | 'info' | 'warn' | 'error'
const rank: Record<Level | 'silent', number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 }

let threshold = rank[(process.env.GOCHAT_LOG_LEVEL as Level) ?? 'info'] ?? rank.info
const pretty = process.stdout.isTTY && process.env.GOCHAT_LOG_FORMAT !== 'json'

export function setLogLevel(level: Level | 'silent'): void {
  threshold = rank[level]
}

/** fields on every line of this process (role, instance), below a logger's own */
let processFields: Record<string, unknown> = {}
/** adds fields from the current context (trace_id, span_id while tracing is on); set by ./tracing.ts */
let enrich: ((entry: Record<string, unknown>) => void) | undefined

export function setLogContext(fields: Record<string, unknown>): void {
  processFields = { ...fields }
}

export function setLogEnricher(fn: ((entry: Record<string, unknown>) => void) | undefined): void {
  enrich = fn
}

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void
  info(msg: string, fields?: Record<string, unknown>): void
  warn(msg: string, fields?: Record<string, unknown>): void
  error(msg: string, fields?: Record<string, unknown>): void
  child(fields: Record<string, unknown>): Logger
}

export function createLogger(base: Record<string, unknown> = {}): Logger {
  const write = (level: Level, msg: string, fields?: Record<string, unknown>) => {
    if (rank[level] < threshold) return
    const entry: Record<string, unknown> & { time: string } = {
      time: new Date().toISOString(),
      level,
      ...processFields,
      ...base,
      msg,
      ...fields,
    }
    if (fields?.err instanceof Error) entry.err = (fields.err as Error).message
    enrich?.(entry)
    const line = pretty
      ? `${entry.time.slice(11, 23)} ${level.toUpperCase().padEnd(5)} ${entry.role ? `[${String(entry.role)}] ` : ''}${msg}${fields ? ' ' + JSON.stringify({ ...fields, err: entry.err }) : ''}${entry.trace_id ? ` trace=${String(entry.trace_id)}` : ''}`
      : JSON.stringify(entry)
    ;(level === 'error' || level === 'warn' ? process.stderr : process.stdout).write(line + '\n')
  }
  return {
    debug: (m, f) => write('debug', m, f),
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
    child: (fields) => createLogger({ ...base, ...fields }),
  }
}

export const log = createLogger()
