// Runs async work one at a time per key, in call order: the embedded stores' stand-in for MySQL's per-conversation
// row lock (the memory store, and SQLite, whose transactions cannot await the seq allocator).
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<void>>()

  /** runs fn after every earlier fn of the same key has finished */
  async run<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const before = this.tails.get(key) ?? Promise.resolve()
    let release!: () => void
    const turn = new Promise<void>((resolve) => (release = resolve))
    const tail = before.then(() => turn)
    this.tails.set(key, tail)
    await before
    try {
      return await fn()
    } finally {
      release()
      if (this.tails.get(key) === tail) this.tails.delete(key)
    }
  }

  /** resolves once the work queued so far has finished */
  async idle(): Promise<void> {
    await Promise.all([...this.tails.values()])
  }
}
