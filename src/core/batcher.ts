// A group-commit batcher: items added while earlier batches are still running are collected and flushed
// together, at most `maxBatch` an item batch and `maxInFlight` batches at a time. Nothing waits on a timer: an
// item added to an idle batcher is flushed on the next turn of the event loop (with whatever arrived in the same
// turn), so batches grow only with load.
export type Outcome<O> = { value: O } | { error: unknown }

export interface BatcherOptions {
  maxBatch: number
  maxInFlight: number
}

interface Entry<I, O> {
  item: I
  resolve(value: O): void
  reject(err: unknown): void
}

export class Batcher<I, O> {
  private queue: Entry<I, O>[] = []
  private inFlight = 0
  private scheduled = false

  /** `flush` returns one outcome per item, in order; if it throws, every item of the batch fails with it */
  constructor(
    private readonly flush: (items: I[]) => Promise<Outcome<O>[]>,
    private readonly opts: BatcherOptions,
  ) {}

  add(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.queue.push({ item, resolve, reject })
      this.schedule()
    })
  }

  private schedule(): void {
    if (this.scheduled || this.inFlight >= this.opts.maxInFlight || this.queue.length === 0) return
    this.scheduled = true
    setImmediate(() => {
      this.scheduled = false
      this.run()
    })
  }

  private run(): void {
    if (this.inFlight >= this.opts.maxInFlight || this.queue.length === 0) return
    const batch = this.queue.splice(0, this.opts.maxBatch)
    this.inFlight++
    this.flush(batch.map((e) => e.item))
      .then(
        (outcomes) =>
          batch.forEach((e, i) => {
            const o = outcomes[i]!
            if ('value' in o) e.resolve(o.value)
            else e.reject(o.error)
          }),
        (err: unknown) => batch.forEach((e) => e.reject(err)),
      )
      .finally(() => {
        this.inFlight--
        this.schedule()
      })
    this.schedule()
  }
}
