// The harness's own load during a measured phase, and whether it, rather than the server, set the pace.
import { availableParallelism } from 'node:os'

export interface ClientCpu {
  /** all threads of the harness process during the measured phase */
  processCpuMs: number
  /** from the first send to the last delivery: the time the harness had work */
  activeMs: number
  /** processCpuMs / activeMs: cores' worth of CPU the harness used */
  coresUsed: number
  cores: number
  mainThreadCpuMs: number | null
  workers: Array<{ cpuMs: number | null; eventLoopUtilization: number; peakEventLoopUtilization: number }>
  /** a worker's loop was busy ≥ 95% of some 100 ms window, or the harness took over 90% of the cores */
  saturated: boolean
}

const r3 = (n: number) => Math.round(n * 1000) / 1000

export function clientCpu(
  processCpuMs: number,
  activeMs: number,
  mainThreadCpuMs: number | null,
  workers: ClientCpu['workers'],
): ClientCpu {
  const cores = availableParallelism()
  const coresUsed = processCpuMs / Math.max(1, activeMs)
  return {
    processCpuMs: Math.round(processCpuMs),
    activeMs: Math.round(activeMs),
    coresUsed: Math.round(coresUsed * 100) / 100,
    cores,
    mainThreadCpuMs,
    workers: workers.map((w) => ({
      cpuMs: w.cpuMs,
      eventLoopUtilization: r3(w.eventLoopUtilization),
      peakEventLoopUtilization: r3(w.peakEventLoopUtilization),
    })),
    saturated: workers.some((w) => w.peakEventLoopUtilization >= 0.95) || coresUsed > 0.9 * cores,
  }
}

/** "mean% / peak%" of the busiest worker, for the tables */
export function busiestWorker(c: ClientCpu): string {
  const mean = Math.max(0, ...c.workers.map((w) => w.eventLoopUtilization))
  const peak = Math.max(0, ...c.workers.map((w) => w.peakEventLoopUtilization))
  return `${Math.round(mean * 100)}% / ${Math.round(peak * 100)}%`
}
