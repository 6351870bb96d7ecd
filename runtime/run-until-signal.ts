// Keeps a started system running until SIGTERM/SIGINT, then drains it (bounded) and exits. Last-resort handlers
// (./last-resort.ts) cover what escapes: a stray rejection is logged, an uncaught exception drains and exits 1.
import type { Logger } from '../src/observability/log.js'
import { installLastResort } from './last-resort.js'
import { exitWithParent } from './parent-watch.js'
import type { System } from './system.js'

/** how long a cleanly stopped process may take to exit by itself */
const LINGER_MS = 2_000

export function runUntilSignal(system: System, log: Logger, drainMs = 15_000): Promise<void> {
  installLastResort({ log, drain: () => system.stop(), drainMs })
  return new Promise((resolve) => {
    let stopping = false
    const onSignal = (signal: NodeJS.Signals) => {
      if (stopping) {
        log.warn(`second ${signal}: exiting without draining`)
        process.exit(1)
      }
      stopping = true
      log.info(`${signal}: draining and shutting down`)
      const force = setTimeout(() => {
        log.error(`shutdown took over ${drainMs} ms; exiting`)
        process.exit(1)
      }, drainMs)
      force.unref()
      system.stop().then(
        () => {
          log.info('stopped cleanly')
          resolve()
          // everything was closed; a handle still open now (seen: a kafkajs client torn mid-reconnect by a broker
          // restart) would hold the process until the timer above, so it is named and the process exits
          setTimeout(() => {
            log.warn('stopped, but handles are still open; exiting', {
              resources: process.getActiveResourcesInfo().filter((r) => r !== 'TTYWrap'),
            })
            process.exit()
          }, LINGER_MS).unref()
        },
        (err: Error) => {
          log.error('shutdown failed', { err })
          process.exitCode = 1
          resolve()
        },
      )
    }
    process.on('SIGTERM', onSignal)
    process.on('SIGINT', onSignal)
    exitWithParent()
  })
}
