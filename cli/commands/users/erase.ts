// `gochat users erase`: plans by default, erases with --execute (like `gochat groups reset`).
import { Args, Flags } from '@oclif/core'
import { BaseCommand } from '../../base-command.js'
import { dataDirFlag } from '../../users-flags.js'
import type { ConfigKey } from '../../../src/config/index.js'
import { renderTable } from '../../../src/presentation/table.js'
import { topics } from '../../../src/contracts/topics.js'
import { createBlobStore } from '../../../src/drivers/blobs-from-config.js'
import { createCache } from '../../../src/drivers/cache-from-config.js'
import { UsageError } from '../../../src/core/operator-errors.js'
import { withAdmin } from '../../../src/ops/kafka/admin.js'
import { topicExists } from '../../../src/ops/kafka/topics.js'
import { type AuditOutcome, recordAudit } from '../../../src/ops/users/audit.js'
import { type EraseOutcome, type ErasePlan, executeErase, planErase } from '../../../src/ops/users/erase.js'
import { findUser, openDeploymentStore } from '../../../src/ops/users/target.js'

export type EraseResult = (ErasePlan | EraseOutcome) & { executed: boolean; audit: AuditOutcome | null }

export default class UsersErase extends BaseCommand<typeof UsersErase> {
  static override summary = "Erase a user's content and account (plan by default; --execute to erase)"
  static override description =
    `Without --execute nothing changes: the plan (counts) is printed. With it: every token of the user is revoked (their open sockets are closed at once, with 1008 "token revoked", by the running deployment), every record they sent becomes a tombstone (content, attachment and its bytes, mentions, reactions on it, reply: gone; seq, sender and time stay, so history stays gap-free), they leave every group (the oldest member becomes admin where they were the last one), and the account stays as the sender "${'Deleted user'}" with its username freed and no usable password. Erasing an erased user answers "already erased" and exits 0. Records already on Kafka topics stay there until the topics' retention. Publishes user.erased to gochat.audit when Kafka is configured; otherwise prints the event on stderr.`
  static override examples = [
    '<%= config.bin %> users erase alice --mysql mysql://root@127.0.0.1:3306/gochat --redis redis://127.0.0.1:6379',
    '<%= config.bin %> users erase u_0123abcd --data-dir ~/.local/share/gochat --execute',
  ]

  static override args = { user: Args.string({ description: 'User id or username', required: true }) }
  static override flags = {
    execute: Flags.boolean({ description: 'Erase (without it nothing changes)' }),
    'data-dir': dataDirFlag,
  }

  protected override configFlags(): Partial<Record<ConfigKey, unknown>> {
    return { data_dir: this.flags['data-dir'] }
  }

  public async run(): Promise<EraseResult> {
    if (this.flags.execute) await this.checkEventsTopic()
    const store = await openDeploymentStore(this.cfg)
    let result: EraseResult
    try {
      const user = await findUser(store, this.args.user)
      if (!this.flags.execute) result = { ...(await planErase(store, user)), executed: false, audit: null }
      else result = await this.erase(store, user)
    } finally {
      await store.close()
    }
    if (result.audit && !result.audit.published)
      process.stderr.write(`audit (no Kafka configured): ${JSON.stringify(result.audit.event)}\n`)
    if (!this.jsonEnabled()) this.report(result)
    return result
  }

  /**
   * The running deployment's relay publishes the erase's user.tokens.revoked to the topic this command names. One
   * that does not exist (a --topic-prefix other than the deployment's) would hold up every outbox row behind it, so
   * it is checked before the store is even opened. On the embedded bus (no Kafka) topics are made on first use.
   */
  private async checkEventsTopic(): Promise<void> {
    if (this.cfg.kafka_brokers.length === 0) return
    const topic = topics(this.cfg).userEvents
    const { unknown } = await withAdmin(this.cfg, (h) => topicExists(h, [topic]))
    if (unknown.length)
      throw new UsageError(
        `topic ${topic} does not exist on ${this.cfg.kafka_brokers.join(',')}: give the deployment's --topic-prefix (or GOCHAT_TOPIC_PREFIX); nothing was changed`,
      )
  }

  private async erase(
    store: Awaited<ReturnType<typeof openDeploymentStore>>,
    user: Awaited<ReturnType<typeof findUser>>,
  ): Promise<EraseResult> {
    const cache = this.cfg.redis_url ? createCache(this.cfg) : null
    const blobs = await createBlobStore({ ...this.cfg, jwt_secret: this.cfg.jwt_secret || 'unused: deletes only' })
    try {
      const outcome = await executeErase(
        {
          store,
          cache,
          blobs,
          tokenTtlSeconds: this.cfg.token_ttl_seconds,
          userEventsTopic: topics(this.cfg).userEvents,
        },
        user,
      )
      for (const id of outcome.blobFailures) this.warn(`attachment ${id}: its bytes could not be deleted`)
      if (outcome.alreadyErased) return { ...outcome, executed: true, audit: null }
      const audit = await recordAudit(this.cfg, {
        actor: 'cli',
        action: 'user.erased',
        target: user.userId,
        details: { ...outcome.erased },
      })
      return { ...outcome, executed: true, audit }
    } finally {
      await blobs.close()
      await cache?.close()
    }
  }

  private report(r: EraseResult): void {
    if (r.alreadyErased) {
      this.log(`${r.userId} is already erased; nothing to do`)
      return
    }
    const done = 'erased' in r ? r.erased : null
    this.log(
      renderTable(
        ['user', 'messages', 'attachments', 'groups to leave', 'admin handovers', 'direct conversations'],
        [
          [
            r.userId,
            done ? done.messages : r.messages,
            done ? done.attachments : r.attachments,
            done ? done.groupsLeft : r.groups,
            r.promotions,
            r.directConversations,
          ],
        ],
      ),
    )
    this.log(
      r.executed
        ? `${r.userId} erased: tokens revoked, content deleted, groups left, account kept as "Deleted user"`
        : 'plan only, nothing changed; add --execute to erase',
    )
  }
}
