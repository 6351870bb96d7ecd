// The outbox in a JSON file (Node): a process's sends survive its restart. Every change rewrites the file through
// a temporary one and a rename, so a crash leaves the old or the new content, never half of one.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import type { OutboxEntry, OutboxStore } from './outbox-store.js'

export class FileOutbox implements OutboxStore {
  private entries?: Map<string, OutboxEntry>
  private writing: Promise<void> = Promise.resolve()

  constructor(readonly path: string) {}

  async load(): Promise<OutboxEntry[]> {
    if (!this.entries) {
      const text = await readFile(this.path, 'utf8').catch((err: NodeJS.ErrnoException) => {
        if (err.code === 'ENOENT') return '[]'
        throw err
      })
      this.entries = new Map((JSON.parse(text) as OutboxEntry[]).map((e) => [e.key, e]))
    }
    return [...this.entries.values()].map((e) => ({ ...e }))
  }

  async put(entry: OutboxEntry): Promise<void> {
    await this.load()
    this.entries!.set(entry.key, { ...entry })
    await this.save()
  }

  async remove(key: string): Promise<void> {
    await this.load()
    if (this.entries!.delete(key)) await this.save()
  }

  /** one write at a time, each with the content as of its turn */
  private save(): Promise<void> {
    const write = async () => {
      const tmp = `${this.path}.${process.pid}.tmp`
      await mkdir(dirname(this.path), { recursive: true })
      await writeFile(tmp, JSON.stringify([...this.entries!.values()]))
      await rename(tmp, this.path)
    }
    this.writing = this.writing.then(write, write)
    return this.writing
  }
}
