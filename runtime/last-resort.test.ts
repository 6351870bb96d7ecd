import { EventEmitter } from 'node:events'
import { describe, expect, it, vi } from 'vitest'
import type { Logger } from '../src/observability/log.js'
import { installLastResort } from './last-resort.js'

function fakeLog() {
  const lines: Array<{ level: string; msg: string; fields?: Record<string, unknown> }> = []
  const at = (level: string) => (msg: string, fields?: Record<string, unknown>) =>
    void lines.push({ level, msg, fields })
  const log: Logger = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error'), child: () => log }
  return { log, lines }
}

describe('installLastResort', () => {
  it('logs an unhandled rejection once at error, with its cause, and keeps the process running', () => {
    const proc = new EventEmitter()
    const { log, lines } = fakeLog()
    const exit = vi.fn()
    installLastResort({ log, proc, exit, drain: async () => undefined, drainMs: 1000 })
    proc.emit('unhandledRejection', new Error('nobody awaited me'))
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatchObject({ level: 'error', msg: expect.stringContaining('serving on') })
    expect(String(lines[0]!.fields!.stack)).toContain('nobody awaited me')
    expect(exit).not.toHaveBeenCalled()
  })

  it('drains, then exits 1 on an uncaught exception; a second one does not drain again', async () => {
    const proc = new EventEmitter()
    const { log, lines } = fakeLog()
    let drains = 0
    const exited = new Promise<number>((resolve) =>
      installLastResort({ log, proc, exit: resolve, drain: async () => void drains++, drainMs: 60_000 }),
    )
    proc.emit('uncaughtException', new TypeError('Invalid URL'))
    proc.emit('uncaughtException', new Error('again'))
    expect(await exited).toBe(1)
    expect(drains).toBe(1)
    expect(lines.map((l) => l.level)).toEqual(['error', 'error'])
    expect(lines[0]!.msg).toContain('exiting with 1')
  })

  it('exits after drainMs when the drain hangs', async () => {
    vi.useFakeTimers()
    try {
      const proc = new EventEmitter()
      const exit = vi.fn()
      installLastResort({ log: fakeLog().log, proc, exit, drain: () => new Promise(() => undefined), drainMs: 5000 })
      proc.emit('uncaughtException', new Error('boom'))
      await vi.advanceTimersByTimeAsync(4999)
      expect(exit).not.toHaveBeenCalled()
      await vi.advanceTimersByTimeAsync(1)
      expect(exit).toHaveBeenCalledWith(1)
    } finally {
      vi.useRealTimers()
    }
  })

  it('removes its handlers', () => {
    const proc = new EventEmitter()
    const remove = installLastResort({ log: fakeLog().log, proc, drain: async () => undefined, drainMs: 1 })
    expect(proc.listenerCount('uncaughtException')).toBe(1)
    remove()
    expect(proc.listenerCount('uncaughtException') + proc.listenerCount('unhandledRejection')).toBe(0)
  })
})
