// The engines of the multi-host suite, all on one namespace host and bound to its address only: a redis-server and a
// mariadbd of the suite's own (an empty datadir, --skip-grant-tables: no install-db, any client is root) and a
// one-node KRaft broker (infra/kafka-nodes.ts) listening and advertising there. Nothing here touches the shared
// services on 127.0.0.1; everything dies with the test (process groups, PR_SET_PDEATHSIG) and its dir is removed.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { KafkaNodes } from '../../infra/kafka-nodes.js'
import { portAnswers, waitFor } from '../../infra/net.js'
import { tail } from '../../infra/proc.js'
import type { NetHosts } from './netns.js'

// the host is the suite's alone: the usual ports cannot clash with anything
const REDIS_PORT = 6379
const MYSQL_PORT = 3306
const KAFKA_PORT = 9092
const KAFKA_CONTROLLER_PORT = 19093

export interface InfraHost {
  kafka: string
  mysql: string
  redis: string
  stop(): Promise<void>
}

export async function startInfraHost(hosts: NetHosts, name: string): Promise<InfraHost> {
  const { ip } = hosts.host(name)
  const dir = mkdtempSync(join(tmpdir(), 'gochat-netns-infra-'))
  const kafka = new KafkaNodes({
    stateDir: join(dir, 'kafka'),
    nodes: [{ id: 1, host: ip, port: KAFKA_PORT, controllerPort: KAFKA_CONTROLLER_PORT }],
    dieWithParent: true,
    commandPrefix: hosts.prefix(name),
  })
  const stop = async () => {
    await kafka.stop().catch(() => undefined)
    rmSync(dir, { recursive: true, force: true })
  }
  try {
    const redisLog = join(dir, 'redis.log')
    hosts.spawn(
      name,
      'redis-server',
      ['--port', `${REDIS_PORT}`, '--bind', ip, '--protected-mode', 'no', '--save', '', '--appendonly', 'no'],
      redisLog,
    )
    const mysqlLog = join(dir, 'mariadb.log')
    mkdirSync(join(dir, 'mariadb'))
    hosts.spawn(
      name,
      'mariadbd',
      [
        '--no-defaults',
        `--datadir=${join(dir, 'mariadb')}`,
        `--socket=${join(dir, 'mariadb.sock')}`,
        `--pid-file=${join(dir, 'mariadb.pid')}`,
        '--user=root',
        '--skip-grant-tables',
        `--bind-address=${ip}`,
        `--port=${MYSQL_PORT}`,
        '--skip-log-bin',
        '--innodb-buffer-pool-size=32M',
        '--innodb-log-file-size=8M',
        // a throwaway database on two loaded cores: an fsync per commit would make the disk, not gochat, the limit
        '--innodb-flush-log-at-trx-commit=2',
      ],
      mysqlLog,
    )
    await kafka.start()
    for (const [what, port, log] of [
      ['redis-server', REDIS_PORT, redisLog],
      ['mariadbd', MYSQL_PORT, mysqlLog],
    ] as const) {
      const up = await waitFor(async () => ((await portAnswers(ip, port)) ? true : undefined), {
        timeoutMs: 60_000,
        intervalMs: 200,
      })
      if (!up) throw new Error(`${what} does not answer on ${ip}:${port}; the end of ${log}:\n${tail(log)}`)
    }
  } catch (err) {
    await stop()
    throw err
  }
  return {
    kafka: kafka.brokers.join(','),
    mysql: `mysql://root@${ip}:${MYSQL_PORT}`,
    redis: `redis://${ip}:${REDIS_PORT}`,
    stop,
  }
}
