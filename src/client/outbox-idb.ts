// The outbox in IndexedDB: a browser's sends survive a reload, a closed tab and a crash. One database per user.
import type { OutboxEntry, OutboxStore } from './outbox-store.js'

const STORE = 'entries'

function done<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result)
    req.onerror = () => reject(req.error)
  })
}

export class IndexedDbOutbox implements OutboxStore {
  private db?: Promise<IDBDatabase>

  constructor(readonly name: string) {}

  /** whether this environment has IndexedDB at all */
  static get available(): boolean {
    return typeof globalThis.indexedDB !== 'undefined'
  }

  private open(): Promise<IDBDatabase> {
    return (this.db ??= new Promise((resolve, reject) => {
      const req = indexedDB.open(this.name, 1)
      req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'key' })
      req.onsuccess = () => resolve(req.result)
      req.onerror = () => reject(req.error)
    }))
  }

  private async tx<T>(mode: IDBTransactionMode, op: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
    const db = await this.open()
    const t = db.transaction(STORE, mode)
    const result = done(op(t.objectStore(STORE)))
    // a write counts once its transaction committed, not when the request succeeded
    await new Promise<void>((resolve, reject) => {
      t.oncomplete = () => resolve()
      t.onerror = () => reject(t.error)
      t.onabort = () => reject(t.error)
    })
    return result
  }

  load(): Promise<OutboxEntry[]> {
    return this.tx('readonly', (s) => s.getAll() as IDBRequest<OutboxEntry[]>)
  }
  async put(entry: OutboxEntry): Promise<void> {
    await this.tx('readwrite', (s) => s.put(entry))
  }
  async remove(key: string): Promise<void> {
    await this.tx('readwrite', (s) => s.delete(key))
  }
}
