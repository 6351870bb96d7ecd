// Client-side CPU, so that a reader can tell when the harness rather than the server was the limit.
// process.cpuUsage() covers every thread of the process (getrusage). Per thread, Node 20 has no API
// (process.threadCpuUsage arrived in Node 23), so on Linux each thread reads its own /proc/thread-self/stat;
// elsewhere the per-thread figure is left out and the event-loop utilisation still shows a saturated worker.
import { readFileSync } from 'node:fs'

/** Linux USER_HZ: utime/stime in /proc are in these ticks (100 on every mainstream kernel build). */
const TICKS_PER_SECOND = 100

/** CPU milliseconds (user + system) of the calling thread, or undefined where /proc/thread-self is missing. */
export function threadCpuMs(): number | undefined {
  try {
    const stat = readFileSync('/proc/thread-self/stat', 'utf8')
    // the command name (field 2) may contain spaces and parentheses: fields are counted after the last ')'
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    const utime = Number(fields[11])
    const stime = Number(fields[12])
    return Number.isFinite(utime + stime) ? ((utime + stime) * 1000) / TICKS_PER_SECOND : undefined
  } catch {
    return undefined
  }
}

/** CPU milliseconds of the whole process, all threads. */
export function processCpuMs(): number {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1000
}
