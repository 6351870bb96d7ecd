import { BaseCommand } from '../../base-command.js'
import { UnreachableError, UsageError } from '../../../src/core/operator-errors.js'
import { renderTable } from '../../../src/presentation/table.js'
import { connectionOptions, migrate, type MysqlTls, mysqlTls } from '../../../src/drivers/mysql/migrate.js'

export default class DbMigrate extends BaseCommand<typeof DbMigrate> {
  static override summary = 'Apply pending schema migrations to MySQL/MariaDB (creates the database if missing)'
  static override description =
    'repo also migrates when it starts; run this to migrate ahead of a deploy, or to see which migrations are applied. It also lists usernames that collide once normalized (e.g. "Alice" beside an older "alice"): they are kept, log in by their exact name only, and are left for an operator to rename.'
  static override examples = [
    '<%= config.bin %> db migrate --mysql mysql://root@127.0.0.1:3306/gochat',
    'GOCHAT_MYSQL_URL=mysql://root@127.0.0.1:3306/gochat <%= config.bin %> db migrate --json',
  ]

  async run() {
    const url = this.cfg.mysql_url
    if (!url)
      throw new UsageError(
        'no database configured: pass --mysql mysql://user@host:3306/database (or set GOCHAT_MYSQL_URL)',
      )
    let tls: MysqlTls
    try {
      tls = mysqlTls(this.cfg)
      connectionOptions(url, tls)
    } catch (err) {
      throw new UsageError((err as Error).message)
    }
    let result: Awaited<ReturnType<typeof migrate>>
    try {
      result = await migrate(url, tls)
    } catch (err) {
      const code = (err as { code?: string }).code
      if (code === 'ECONNREFUSED' || code === 'ETIMEDOUT' || code === 'ENOTFOUND' || code === 'EHOSTUNREACH') {
        throw new UnreachableError(
          `cannot reach MySQL at ${new URL(url).host} (${code}); is it running? (\`gochat infra up\`)`,
        )
      }
      throw err
    }
    if (!this.jsonEnabled()) {
      const fresh = new Set(result.applied.map((m) => m.version))
      this.log(
        renderTable(
          ['version', 'name', 'applied at', 'this run'],
          result.all.map((m) => [
            String(m.version).padStart(3, '0'),
            m.name,
            new Date(m.appliedAt).toISOString(),
            fresh.has(m.version) ? 'applied now' : '',
          ]),
        ),
      )
      this.log(
        result.applied.length
          ? `${result.database}: applied ${result.applied.length} migration(s)`
          : `${result.database}: up to date`,
      )
      if (result.collisions.length) {
        this.log(
          `\n${result.collisions.length} username(s) normalize (NFKC, case) to a name another account holds; they log in by their exact name only until renamed or merged by hand:`,
        )
        this.log(
          renderTable(
            ['user id', 'username', 'normalized', 'held by'],
            result.collisions.map((c) => [c.userId, c.username, c.normalized, c.heldBy || '(too long)']),
          ),
        )
      }
    }
    return result
  }
}
