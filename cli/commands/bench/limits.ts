import { BaseCommand } from '../../base-command.js'
import { renderTable } from '../../../src/presentation/table.js'
import { runLimits, limitsRows, type Limits } from '../../../bench/limits/index.js'
import { limitsFlags, limitsOptions } from '../../../bench/limits/flags.js'
import { machine } from '../../../bench/machine.js'
import { note } from '../../../bench/progress.js'

export default class BenchLimits extends BaseCommand<typeof BenchLimits> {
  static override summary =
    'Ceilings of the infrastructure at hand: MariaDB transactions/s, Kafka records/s, Redis ops/s'
  static override description =
    "Measures, for a few seconds each, what gochat's parts can do on this machine now: MariaDB single-message transactions/s (message row + outbox row, gochat's schema in a throwaway database) and batched messages/s; Kafka produce→consume records/s through kafkajs with the dispatch topic's settings on a throwaway topic; Redis pipelined ops/s. Everything it creates is deleted after. Without --mysql/--kafka/--redis (or config) it probes the local default ports. bench send and bench fanout take --limits to run it first and show gochat as fractions of these."
  static override examples = [
    '<%= config.bin %> bench limits',
    '<%= config.bin %> bench limits --limits-seconds 5 --json',
  ]
  static override flags = { ...limitsFlags }

  async run(): Promise<Limits & { machine: ReturnType<typeof machine> }> {
    const limits = await runLimits(this.cfg, limitsOptions(this.flags, note))
    if (!this.jsonEnabled()) this.log(renderTable(['ceiling', 'value'], limitsRows(limits)))
    return { ...limits, machine: machine() }
  }
}
