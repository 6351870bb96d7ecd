// Retention (issue 28): how long history is kept, and how often the task role's sweeper looks for what expired
// (src/ports/retention.ts, services/task/retention-sweep.ts).
import { z } from 'zod'
import { positiveInt } from './schemas.js'

export const retentionKeys = {
  retention_days: {
    schema: z.coerce.number().int().min(0).max(36500),
    default: 0,
    help: "Messages older than this many days are removed from history (each becomes an 'expired' tombstone: seq, sender and time kept, content and attachment gone), in every conversation; a conversation's own retention or ttl can only shorten it. 0 keeps history forever",
    expected: 'days, 0 to 36500 (0: forever)',
  },
  retention_sweep_seconds: {
    schema: positiveInt,
    default: 60,
    help: 'How often the task role sweeps expired messages (and so how late a disappearing message may outlive its ttl). One task at a time sweeps, through the repo that holds the outbox lease',
    expected: 'seconds',
  },
}
