// What `gochat users export` and `gochat users erase` act on: the deployment's store as the CLI reaches it (MySQL
// with --mysql, SQLite with --data-dir of a stopped `gochat up`: it holds the file while it runs; the in-memory
// store lives in its process only) and one user of it.
import { NotFoundError, UsageError } from '../../core/operator-errors.js'
import type { GochatConfig } from '../../config/index.js'
import { createStore } from '../../drivers/store-from-config.js'
import type { Store, UserRow } from '../../ports/store.js'

/** The store of the configured deployment; refused without MySQL or a data dir. */
export async function openDeploymentStore(cfg: GochatConfig): Promise<Store> {
  if (!cfg.mysql_url && !cfg.data_dir)
    throw new UsageError(
      'no database configured: pass --mysql mysql://user@host:3306/database, or --data-dir of a `gochat up`',
    )
  let store: Store
  try {
    store = createStore(cfg)
  } catch (err) {
    // the SQLite store is one process's: the running `gochat up` holds it
    if (/in use by another process/.test((err as Error).message))
      throw new UsageError(
        (err as Error).message,
        'stop that `gochat up` first; it picks up the change when it starts again',
      )
    throw err
  }
  try {
    await store.ping()
  } catch (err) {
    await store.close().catch(() => {})
    throw err
  }
  return store
}

/** The user named by id (u_…) or username; not_found (exit 2) for neither. */
export async function findUser(store: Store, idOrName: string): Promise<UserRow> {
  const user =
    (await store.getUser({ userId: idOrName })) ??
    (idOrName.trim() ? await store.getUser({ username: idOrName }) : null)
  if (!user) throw new NotFoundError(`unknown user "${idOrName}" (no user id or username matches)`)
  return user
}

/** Pages through everything the user sent, (conversation, seq) order. */
export async function* sentByPages(store: Store, userId: string, pageSize = 500) {
  let after = { conversationId: '', seq: 0 }
  for (;;) {
    const page = await store.retention.sentBy(userId, after, pageSize)
    if (page.length) yield page
    if (page.length < pageSize) return
    const last = page.at(-1)!
    after = { conversationId: last.conversationId, seq: last.seq }
  }
}
