// Last-resort handlers of a role process (`gochat serve`, `gochat up`), for what escaped every other handler.
// unhandledRejection: a promise nobody awaited failed; the request or record it belonged to is already lost, the
//   process's state is not corrupted by it, so it is logged and the process serves on.
// uncaughtException: a throw unwound a stack nobody guarded; state may be half-updated, so the process stops
//   accepting, drains (bounded) and exits 1 for its supervisor to restart it.
import type { Logger } from '../src/observability/log.js'

export interface LastResortOptions {
  log: Logger
  /** stops the system gracefully; the exit comes after it, or after drainMs */
  drain: () => Promise<void>
  drainMs: number
  /** for tests: the process whose events are handled, and how it exits */
  proc?: Pick<NodeJS.EventEmitter, 'on' | 'off'>
  exit?: (code: number) => void
}

const cause = (err: unknown) => (err instanceof Error ? { err, stack: err.stack } : { err: String(err) })

/** Installs both handlers; the returned function removes them. */
export function installLastResort(o: LastResortOptions): () => void {
  const proc = o.proc ?? process
  const exit = o.exit ?? ((code: number) => process.exit(code))
  let exiting = false
  const onRejection = (reason: unknown) => o.log.error('unhandled promise rejection (serving on)', cause(reason))
  const onException = (err: unknown) => {
    if (exiting) return o.log.error('uncaught exception while draining', cause(err))
    exiting = true
    o.log.error('uncaught exception: draining, then exiting with 1', cause(err))
    const force = setTimeout(() => exit(1), o.drainMs)
    force.unref?.()
    o.drain()
      .catch(() => undefined)
      .finally(() => {
        clearTimeout(force)
        exit(1)
      })
  }
  proc.on('unhandledRejection', onRejection)
  proc.on('uncaughtException', onException)
  return () => {
    proc.off('unhandledRejection', onRejection)
    proc.off('uncaughtException', onException)
  }
}
