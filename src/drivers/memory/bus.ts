// The embedded bus: Kafka's semantics that gochat relies on, inside one process. Topics have N partitions, keys
// pick partitions with Kafka's (kafkajs's DefaultPartitioner) murmur2 so a key lands on the same partition number
// here as on a broker, each partition is an ordered log, and consumer groups share partitions and keep committed
// offsets. Each (group, partition) has exactly one delivery loop, so a partition's batches never overlap or reorder,
// whichever member currently owns it.
//
// Retention, as a Kafka topic's: by record count (per partition) and by age (the bus's retentionMs, or the
// topic's retention.ms when smaller). Records are dropped from the head in chunks (so that a publish does not
// shift the log every time), offsets keep growing, and a group positioned before the head resumes at the head
// with a warning (auto.offset.reset=earliest). Unlike Kafka's, retention spares what a group with live members has
// not read yet, up to HOLD_FACTOR times the limits: in one process every consumer is a function call away, and a
// group that lags under a burst (a loaded machine, a big fanout) would otherwise lose deliveries that nobody is
// told to resync for; only a group stuck far past the limits loses records. Records live in memory only: a restart of the process starts every log empty. What
// that means for `gochat up` on a data directory is in src/drivers/bus.ts.
import {
  retryAfterOf,
  type Bus,
  type BusRecord,
  type ConsumeOptions,
  type OutgoingRecord,
  type Subscription,
  type TopicSpec,
} from '../../ports/bus.js'
import { log } from '../../observability/log.js'

const busLog = log.child({ component: 'memory-bus' })

/** Kafka's murmur2 (32-bit), as in kafkajs's DefaultPartitioner and the Java client. */
export function murmur2(key: string): number {
  const data = Buffer.from(key)
  const len = data.length
  const m = 0x5bd1e995
  let h = 0x9747b28c ^ len
  const whole = len & ~3
  for (let i = 0; i < whole; i += 4) {
    let k = data.readInt32LE(i)
    k = Math.imul(k, m)
    k ^= k >>> 24
    k = Math.imul(k, m)
    h = Math.imul(h, m) ^ k
  }
  switch (len & 3) {
    // biome-ignore lint/suspicious/noFallthroughSwitchClause: murmur2's tail, as Kafka's partitioner computes it
    case 3:
      h ^= data[whole + 2]! << 16 // falls through
    // biome-ignore lint/suspicious/noFallthroughSwitchClause: murmur2's tail
    case 2:
      h ^= data[whole + 1]! << 8 // falls through
    case 1:
      h ^= data[whole]!
      h = Math.imul(h, m)
  }
  h ^= h >>> 13
  h = Math.imul(h, m)
  h ^= h >>> 15
  return h | 0
}

/** the partition Kafka (kafkajs DefaultPartitioner) picks for a key */
export const partitionForKey = (key: string, partitions: number) => (murmur2(key) & 0x7fffffff) % partitions

export interface MemoryBusOptions {
  /** partitions of a topic created implicitly by publish/subscribe */
  defaultPartitions: number
  /** keep roughly the newest N records per partition (trimmed in chunks, so up to 1.25×N); default: keep all */
  retention?: number
  /** drop records older than this (trimmed in chunks, so kept up to 1.1× as long); default: keep all */
  retentionMs?: number
  /** pause of a partition after its handler rejected, before the same records come again */
  retryBackoffMs?: number
  maxBatch?: number
}

interface Partition {
  log: BusRecord[]
  /** offset of log[0] (moves when retention trims) */
  base: number
  /** age limit of the topic's records (ms; Infinity: none) */
  maxAgeMs: number
  waiters: Set<() => void>
  wakeScheduled: boolean
}

interface Member {
  opts: ConsumeOptions
  /** batches handed to this member and not yet settled (and committed); stop() waits for them */
  inFlight: Set<Promise<void>>
}

/** one per (group, topic, partition): the only place that delivers that partition to that group */
interface Cursor {
  topic: string
  partition: number
  owner?: Member
  running: boolean
  /** next offset this loop delivers (retention spares the records from here on while the cursor has an owner) */
  pos?: number
  /** ends a wait for records early (ownership changed) */
  kick?: () => void
}

interface Group {
  members: Member[]
  /** next offset to deliver, by `topic/partition`; written only after a batch succeeded */
  committed: Map<string, number>
  cursors: Map<string, Cursor>
}

const cursorKey = (topic: string, partition: number) => `${topic}/${partition}`
/** records no live group has read yet are kept up to this many times the retention limits */
const HOLD_FACTOR = 8
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve))

export class MemoryBus implements Bus {
  readonly kind = 'memory' as const
  private readonly topics = new Map<string, Partition[]>()
  private readonly roundRobin = new Map<string, number>()
  private readonly groups = new Map<string, Group>()
  private readonly subscriptions = new Set<Subscription>()
  private readonly retryBackoffMs: number
  private readonly maxBatch: number
  private closed = false

  constructor(private readonly opts: MemoryBusOptions) {
    this.retryBackoffMs = opts.retryBackoffMs ?? 200
    this.maxBatch = opts.maxBatch ?? 500
  }

  async ping(): Promise<void> {
    if (this.closed) throw new Error('the embedded bus is closed')
  }

  async ensureTopics(specs: TopicSpec[]): Promise<string[]> {
    const created: string[] = []
    for (const spec of specs) {
      if (this.topics.has(spec.name)) continue
      this.createTopic(spec.name, spec.partitions, Number(spec.configs?.['retention.ms'] ?? Infinity))
      created.push(spec.name)
    }
    return created
  }

  async publish(topic: string, records: OutgoingRecord[]): Promise<void> {
    if (this.closed) throw new Error('memory bus is closed')
    const partitions = this.topic(topic)
    const touched = new Map<Partition, number>()
    const now = Date.now()
    for (const rec of records) {
      const key = rec.key ?? null
      const p = key !== null ? partitionForKey(key, partitions.length) : this.nextRoundRobin(topic, partitions.length)
      const part = partitions[p]!
      part.log.push({
        topic,
        partition: p,
        offset: String(part.base + part.log.length),
        key,
        value: typeof rec.value === 'string' ? Buffer.from(rec.value) : rec.value,
        headers: { ...rec.headers },
        timestamp: now,
      })
      touched.set(part, p)
    }
    for (const [part, p] of touched) {
      this.trim(topic, p, part, now)
      this.wakeLater(part)
    }
  }

  async subscribe(opts: ConsumeOptions): Promise<Subscription> {
    if (this.closed) throw new Error('memory bus is closed')
    for (const t of opts.topics) this.topic(t)
    let group = this.groups.get(opts.groupId)
    if (!group) this.groups.set(opts.groupId, (group = { members: [], committed: new Map(), cursors: new Map() }))
    const member: Member = { opts, inFlight: new Set() }
    group.members.push(member)
    this.rebalance(group)
    let stopping: Promise<void> | undefined
    const sub: Subscription = {
      stop: () =>
        (stopping ??= (async () => {
          group.members.splice(group.members.indexOf(member), 1)
          this.rebalance(group)
          this.subscriptions.delete(sub)
          await Promise.all(member.inFlight)
        })()),
    }
    this.subscriptions.add(sub)
    return sub
  }

  async close(): Promise<void> {
    this.closed = true
    await Promise.all([...this.subscriptions].map((s) => s.stop()))
  }

  /** retention.ms of the topic counts when it is below the bus's own age limit (a non-positive one is ignored) */
  private createTopic(name: string, count: number, topicRetentionMs = Infinity): Partition[] {
    const maxAgeMs = Math.min(this.opts.retentionMs ?? Infinity, topicRetentionMs > 0 ? topicRetentionMs : Infinity)
    const partitions = Array.from(
      { length: count },
      (): Partition => ({ log: [], base: 0, maxAgeMs, waiters: new Set(), wakeScheduled: false }),
    )
    this.topics.set(name, partitions)
    return partitions
  }

  private topic(name: string): Partition[] {
    return this.topics.get(name) ?? this.createTopic(name, this.opts.defaultPartitions)
  }

  private nextRoundRobin(topic: string, count: number): number {
    const n = this.roundRobin.get(topic) ?? 0
    this.roundRobin.set(topic, n + 1)
    return n % count
  }

  private trim(topic: string, partition: number, part: Partition, now: number): void {
    let drop = this.beyondLimits(part, now, 1)
    if (drop === 0) return
    // what a live group has not read stays, unless the log is past HOLD_FACTOR times the limits
    const unread = this.lowestUnread(cursorKey(topic, partition)) - part.base
    if (unread < drop) drop = Math.max(unread, this.beyondLimits(part, now, HOLD_FACTOR))
    if (drop <= 0) return
    part.log.splice(0, drop)
    part.base += drop
  }

  /** how many records from the head are past the limits multiplied by `factor` (0 until chunk slack is passed) */
  private beyondLimits(part: Partition, now: number, factor: number): number {
    let drop = 0
    const cap = this.opts.retention === undefined ? undefined : this.opts.retention * factor
    if (cap !== undefined && part.log.length > cap + Math.max(1, cap >> 2)) drop = part.log.length - cap
    // by age once the oldest record is 10% past the limit: everything past the limit goes at once
    const maxAgeMs = part.maxAgeMs * factor
    const oldest = part.log[drop]
    if (oldest && now - oldest.timestamp > maxAgeMs * 1.1) {
      while (drop < part.log.length && now - part.log[drop]!.timestamp > maxAgeMs) drop++
    }
    return drop
  }

  /** the lowest next offset of the groups that have a live member on this partition (Infinity: none) */
  private lowestUnread(key: string): number {
    let lowest = Number.POSITIVE_INFINITY
    for (const group of this.groups.values()) {
      const cursor = group.cursors.get(key)
      if (cursor?.owner && cursor.pos !== undefined && cursor.pos < lowest) lowest = cursor.pos
    }
    return lowest
  }

  /** wakes waiting loops on a later turn: handlers never run inside publish(), and a burst becomes one batch */
  private wakeLater(part: Partition): void {
    if (part.wakeScheduled || part.waiters.size === 0) return
    part.wakeScheduled = true
    setImmediate(() => {
      part.wakeScheduled = false
      const waiters = [...part.waiters]
      part.waiters.clear()
      for (const w of waiters) w()
    })
  }

  /**
   * Round-robin over every (topic, partition) the group's members subscribe to, each partition to one of the
   * members subscribed to its topic, in join order. A loop keeps running across owner changes, so the batch in
   * hand finishes (and commits) before the next owner gets the partition's next batch.
   */
  private rebalance(group: Group): void {
    const owners = new Map<string, { topic: string; partition: number; owner: Member }>()
    const topics = [...new Set(group.members.flatMap((m) => m.opts.topics))].sort()
    let turn = 0
    for (const topic of topics) {
      const candidates = group.members.filter((m) => m.opts.topics.includes(topic))
      this.topic(topic).forEach((_, partition) => {
        owners.set(cursorKey(topic, partition), { topic, partition, owner: candidates[turn++ % candidates.length]! })
      })
    }
    for (const [key, cursor] of group.cursors) {
      if (owners.has(key)) continue
      cursor.owner = undefined
      cursor.kick?.()
    }
    for (const [key, { topic, partition, owner }] of owners) {
      let cursor = group.cursors.get(key)
      if (!cursor) group.cursors.set(key, (cursor = { topic, partition, running: false }))
      cursor.owner = owner
      if (!cursor.running) void this.drive(group, cursor)
    }
  }

  /** the delivery loop of one (group, partition); runs while the partition has an owner */
  private async drive(group: Group, cursor: Cursor): Promise<void> {
    cursor.running = true
    const part = this.topic(cursor.topic)[cursor.partition]!
    const key = cursorKey(cursor.topic, cursor.partition)
    // Resolved now, synchronously inside subscribe(): a "latest" consumer sees everything published after
    // subscribe() resolves. Not committed until a batch succeeds (as Kafka's auto.offset.reset).
    let pos = group.committed.get(key) ?? (cursor.owner!.opts.fromBeginning ? part.base : part.base + part.log.length)
    cursor.pos = pos
    try {
      while (cursor.owner && !this.closed) {
        if (pos >= part.base + part.log.length) {
          await new Promise<void>((resolve) => {
            part.waiters.add(resolve)
            cursor.kick = resolve
          })
          part.waiters.delete(cursor.kick!)
          cursor.kick = undefined
          continue
        }
        // yield a turn before each batch: a loop that always has records must not starve timers and I/O
        await nextTurn()
        const owner = cursor.owner
        if (!owner) break
        if (pos < part.base) {
          busLog.warn('records dropped by retention before this group read them', {
            topic: cursor.topic,
            partition: cursor.partition,
            from: pos,
            to: part.base,
          })
          pos = part.base
          cursor.pos = pos
        }
        const batch = part.log.slice(pos - part.base, pos - part.base + this.maxBatch)
        const ok = await this.deliver(owner, batch, () => {
          pos = Number(batch[batch.length - 1]!.offset) + 1
          cursor.pos = pos
          group.committed.set(key, pos)
        })
        if (ok !== true) await new Promise((resolve) => setTimeout(resolve, ok.pauseMs))
      }
    } finally {
      cursor.running = false
    }
  }

  /** hands one batch to a member and commits it if the handler resolves; true when it did, else the pause to take */
  private deliver(owner: Member, batch: BusRecord[], commit: () => void): Promise<true | { pauseMs: number }> {
    const outcome = Promise.resolve()
      .then(() => owner.opts.eachBatch(batch))
      .then(
        () => {
          commit()
          return true as const
        },
        (err: unknown) => {
          const first = batch[0]!
          const pauseMs = retryAfterOf(err) ?? this.retryBackoffMs
          busLog.warn('handler failed; the same records come again after a pause', {
            group: owner.opts.groupId,
            topic: first.topic,
            partition: first.partition,
            offset: first.offset,
            pauseMs,
            err,
          })
          return { pauseMs }
        },
      )
    // stop() waits for this: the batch's commit is part of the chain it settles after
    const settled = outcome.then(() => undefined)
    owner.inFlight.add(settled)
    void settled.then(() => owner.inFlight.delete(settled))
    return outcome
  }
}
