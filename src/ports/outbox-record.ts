// The unit of the transactional outbox, in a file of its own so that every store port can name it.

/** A record for the bus, written to the outbox and published by repo's relay. */
export interface OutboxRecord {
  /** 1 to 255 characters; anything else fails the whole transaction */
  topic: string
  /** at most 255 characters */
  key: string | null
  value: Buffer
  headers: Record<string, string>
}
