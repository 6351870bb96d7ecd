// `gochat users export`: everything the deployment holds of one user, as JSON, for a data-access request.
import { createWriteStream } from 'node:fs'
import type { Writable } from 'node:stream'
import { finished } from 'node:stream/promises'
import { Args, Flags } from '@oclif/core'
import { BaseCommand } from '../../base-command.js'
import { dataDirFlag } from '../../users-flags.js'
import type { ConfigKey } from '../../../src/config/index.js'
import { UsageError } from '../../../src/core/operator-errors.js'
import { renderTable } from '../../../src/presentation/table.js'
import { type AuditOutcome, recordAudit } from '../../../src/ops/users/audit.js'
import { type ExportCounts, writeExport } from '../../../src/ops/users/export.js'
import { findUser, openDeploymentStore } from '../../../src/ops/users/target.js'

export interface ExportResult {
  userId: string
  out: string | null
  counts: ExportCounts
  audit: AuditOutcome
}

export default class UsersExport extends BaseCommand<typeof UsersExport> {
  static override summary = "Export a user's profile, conversations and every message they sent, as JSON"
  static override description =
    'The JSON document is {"user", "conversations", "messages", "counts"}, written as it is read, to --out or to stdout (then the summary goes to stderr). Messages are every record the user sent, in (conversation, seq) order, with their status, kind and attachment metadata (not the bytes). Publishes a user.exported audit event to gochat.audit when Kafka is configured; otherwise prints it on stderr.'
  static override examples = [
    '<%= config.bin %> users export alice --mysql mysql://root@127.0.0.1:3306/gochat --out alice.json',
    '<%= config.bin %> users export u_0123abcd --data-dir ~/.local/share/gochat > alice.json',
  ]

  static override args = { user: Args.string({ description: 'User id or username', required: true }) }
  static override flags = {
    out: Flags.string({ char: 'o', description: 'File to write the export to (default: stdout)' }),
    'data-dir': dataDirFlag,
  }

  protected override configFlags(): Partial<Record<ConfigKey, unknown>> {
    return { data_dir: this.flags['data-dir'] }
  }

  public async run(): Promise<ExportResult> {
    const out = this.flags.out ?? null
    if (!out && this.jsonEnabled())
      throw new UsageError('--json prints the summary on stdout, where the export would go', 'give --out FILE')
    const store = await openDeploymentStore(this.cfg)
    let result: ExportResult
    try {
      const user = await findUser(store, this.args.user)
      const counts = out
        ? await toFile(out, (s) => writeExport(store, user, s))
        : await writeExport(store, user, process.stdout)
      const audit = await recordAudit(this.cfg, {
        actor: 'cli',
        action: 'user.exported',
        target: user.userId,
        details: { ...counts },
      })
      result = { userId: user.userId, out, counts, audit }
    } finally {
      await store.close()
    }
    if (!result.audit.published)
      process.stderr.write(`audit (no Kafka configured): ${JSON.stringify(result.audit.event)}\n`)
    if (!this.jsonEnabled()) {
      const table = renderTable(
        ['user', 'conversations', 'messages', 'attachments', 'written to'],
        [
          [
            result.userId,
            result.counts.conversations,
            result.counts.messages,
            result.counts.attachments,
            out ?? 'stdout',
          ],
        ],
      )
      if (out) this.log(table)
      else process.stderr.write(`${table}\n`)
    }
    return result
  }
}

async function toFile<T>(path: string, write: (s: Writable) => Promise<T>): Promise<T> {
  const stream = createWriteStream(path, { mode: 0o600 })
  try {
    const r = await write(stream)
    stream.end()
    await finished(stream)
    return r
  } catch (err) {
    stream.destroy()
    throw err
  }
}
