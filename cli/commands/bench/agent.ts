import { hostname } from 'node:os'
import { Flags } from '@oclif/core'
import { BaseCommand } from '../../base-command.js'
import { runAgent } from '../../../bench/agents/agent.js'
import { defaultWorkers, socketFlags, socketLimits } from '../../../bench/flags.js'
import { note } from '../../../bench/progress.js'
import { UsageError } from '../../../src/core/operator-errors.js'

export default class BenchAgent extends BaseCommand<typeof BenchAgent> {
  static override summary = 'A load generator for distributed benches: waits on Kafka for `bench fanout|send --agents`'
  static override description =
    "Registers on the control topic (<topic-prefix>.bench.control) of the Kafka given by --kafka and waits. A `gochat bench fanout` or `bench send` run with --agents claims it, hands it its share of the connections and credentials, measures its clock offset, and collects its results, which it merges with the other agents' into one report. Runs until Ctrl-C; after each run it is free for the next. Its clients connect to the gateway URLs the coordinator was given, so those must be reachable from this host."
  static override examples = [
    '<%= config.bin %> bench agent --kafka 10.0.0.5:9092 --name load-1',
    '<%= config.bin %> bench agent --kafka 10.0.0.5:9092 --topic-prefix staging --workers 8',
  ]

  static override flags = {
    ...socketFlags,
    name: Flags.string({ description: "This agent's name, unique among the agents (default: <hostname>-<pid>)" }),
    workers: Flags.integer({ description: 'Client worker threads (default: cores, at most 4)', min: 1, max: 64 }),
    'coordinator-timeout': Flags.integer({
      description: 'Seconds of silence from the coordinator after which a claimed agent drops its run',
      default: 30,
      min: 1,
    }),
  }

  async run(): Promise<void> {
    const f = this.flags
    const name = f.name ?? `${hostname()}-${process.pid}`
    if (!/^[\w.-]+$/.test(name)) throw new UsageError(`--name "${name}" may hold letters, digits, . _ - only`)
    if (this.cfg.kafka_brokers.length === 0 || this.cfg.kafka_brokers[0] === 'embedded')
      throw new UsageError("bench agent needs the deployment's Kafka", 'give --kafka host:port')
    const agent = await runAgent(this.cfg, {
      name,
      workers: f.workers ?? defaultWorkers(),
      limits: socketLimits(f),
      coordinatorTimeoutMs: f['coordinator-timeout'] * 1000,
      log: (t) => note(`agent ${name}: ${t}`),
    })
    note(`agent ${name}: registered on ${agent.topic}; waiting for a coordinator (Ctrl-C stops)`)
    await new Promise<void>((resolve) => {
      const stop = () => resolve()
      process.once('SIGINT', stop)
      process.once('SIGTERM', stop)
    })
    await agent.stop()
  }
}
