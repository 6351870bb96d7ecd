import { Flags } from '@oclif/core'
import { BaseCommand } from '../../base-command.js'
import { UsageError } from '../../../src/core/operator-errors.js'
import { gatewayList } from '../../../bench/flags.js'
import { checkGateways } from '../../../bench/reachable.js'
import { runHttp, type HttpRun } from '../../../bench/http-load.js'
import { machine } from '../../../bench/machine.js'
import { note } from '../../../bench/progress.js'
import { renderHttpRun } from '../../../bench/report/send-table.js'

export default class BenchHttp extends BaseCommand<typeof BenchHttp> {
  static override summary = 'REST load with autocannon: login and history sync'
  static override description =
    'Registers a user with a password and stores --history-messages messages in a direct conversation, then runs autocannon for --duration seconds each against POST /v1/auth/login and GET /v1/conversations/{id}/messages. Any non-2xx answer or error exits with code 1.'
  static override examples = [
    '<%= config.bin %> bench http --gateway http://127.0.0.1:8080',
    '<%= config.bin %> bench http --connections 50 --duration 20 --json',
  ]

  static override flags = {
    gateway: Flags.string({
      description: 'Gateway URL (the first of a comma-separated list is used)',
      default: 'http://127.0.0.1:8080',
    }),
    connections: Flags.integer({ description: 'Concurrent HTTP connections', default: 10, min: 1 }),
    duration: Flags.integer({ description: 'Seconds per route', default: 10, min: 1 }),
    pipelining: Flags.integer({ description: 'Requests in flight per connection', default: 1, min: 1 }),
    'history-messages': Flags.integer({
      description: 'Messages stored and read per history request',
      default: 50,
      min: 1,
      max: 1000,
    }),
  }

  async run(): Promise<HttpRun & { machine: ReturnType<typeof machine>; ok: boolean }> {
    const f = this.flags
    const [url] = gatewayList(f.gateway)
    if (!url) throw new UsageError('--gateway needs a URL')
    await checkGateways([url])
    const result = await runHttp({
      url,
      connections: f.connections,
      durationSec: f.duration,
      pipelining: f.pipelining,
      historyMessages: f['history-messages'],
      log: (t) => note(t),
    })
    const ok = result.scenarios.every((s) => s.non2xx === 0 && s.errors === 0 && s.timeouts === 0)
    if (!this.jsonEnabled()) this.log(renderHttpRun(result))
    if (!ok) process.exitCode = 1
    return { ...result, machine: machine(), ok }
  }
}
