// A stop() that comes while the cluster is still starting (a test hook that gave up on a slow start) ends the
// start: what was spawned is stopped and nothing more is spawned, so no process outlives the cluster.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { Cluster } from './cluster.js'

const logDir = mkdtempSync(join(tmpdir(), 'gochat-cluster-stop-'))
afterAll(() => rmSync(logDir, { recursive: true, force: true }))

const alive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/** a cluster on engines nobody answers on: its repo never becomes ready, so a start stays under way */
const unreachable = (topicPrefix: string) =>
  new Cluster({
    gateways: 1,
    tasks: 1,
    kafka: '127.0.0.1:9',
    mysql: 'mysql://root@127.0.0.1:9/none',
    redis: 'redis://127.0.0.1:9',
    topicPrefix,
    logDir,
  })

describe('Cluster.stop during start', () => {
  it('stops the process being started and starts no other', async () => {
    // engines nobody answers on: the repo never becomes ready, so the start is still under way when stop() comes
    const cluster = unreachable('stopduringstart')
    const starting = cluster.start(60_000).then(
      () => 'started',
      (err: Error) => err.message,
    )
    for (let i = 0; i < 200 && !cluster.procs.get('repo')?.child?.pid; i++) await new Promise((r) => setTimeout(r, 50))
    const repoPid = cluster.procs.get('repo')!.child!.pid!
    await cluster.stop()
    expect(await starting).not.toBe('started')
    expect(alive(repoPid)).toBe(false)
    // nothing after the repo was ever spawned
    for (const name of ['logic', 'task-1', 'gw-1']) expect(cluster.procs.get(name)?.child).toBeUndefined()
  }, 60_000)

  it('a cluster stopped before a process of it is started spawns nothing', async () => {
    const cluster = unreachable('stoppedfirst')
    await cluster.stop()
    await expect(cluster.start(5_000)).rejects.toThrow(/stopping/)
    for (const name of ['repo', 'logic', 'task-1', 'gw-1']) expect(cluster.procs.get(name)?.child).toBeUndefined()
  })
})
