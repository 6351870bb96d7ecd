// Handled offsets of one subscription, committed together at most every `intervalMs` instead of one OffsetCommit
// per batch. At-least-once holds: an offset is only added once its batch was handled, so what a crash leaves
// uncommitted comes again (consumers are idempotent). Flushes run one after another, so a later flush can never
// commit an older offset over a newer one.
export interface CommitOffset {
  topic: string
  partition: number
  /** the next offset to read */
  offset: string
}

const keyOf = (topic: string, partition: number) => `${topic}\0${partition}`

export class PendingCommits {
  private readonly next = new Map<string, CommitOffset>()
  private timer: NodeJS.Timeout | undefined
  private chain: Promise<void> = Promise.resolve()

  constructor(
    private readonly commit: (offsets: CommitOffset[]) => Promise<void>,
    private readonly intervalMs: number,
    private readonly onError: (err: unknown) => void,
  ) {}

  get size(): number {
    return this.next.size
  }

  add(topic: string, partition: number, offset: string): void {
    this.next.set(keyOf(topic, partition), { topic, partition, offset })
    this.timer ??= setTimeout(() => void this.flush(), this.intervalMs)
  }

  /** after a rebalance: the partitions this member no longer holds are its new owner's to commit */
  keepOnly(assignment: Record<string, number[]>): void {
    for (const [key, o] of this.next) if (!assignment[o.topic]?.includes(o.partition)) this.next.delete(key)
  }

  /** commits what is pending now; a failed commit keeps its offsets for the next flush unless newer ones came */
  flush(): Promise<void> {
    clearTimeout(this.timer)
    this.timer = undefined
    this.chain = this.chain.then(async () => {
      if (this.next.size === 0) return
      const offsets = [...this.next.values()]
      this.next.clear()
      try {
        await this.commit(offsets)
      } catch (err) {
        for (const o of offsets)
          if (!this.next.has(keyOf(o.topic, o.partition))) this.add(o.topic, o.partition, o.offset)
        this.onError(err)
      }
    })
    return this.chain
  }

  /** stops the timer; what is still pending is dropped (it comes again to whoever consumes the partition next) */
  clear(): void {
    clearTimeout(this.timer)
    this.timer = undefined
    this.next.clear()
  }
}
