// The in-memory store (`gochat up`, unit tests): the MySQL driver's behaviour for one process. Every mutation
// validates everything before it changes anything, which is how it stays all-or-nothing like a transaction.
// Nothing awaits inside a mutation, so each runs alone, as under MySQL's row lock: storeMessage's MAX(seq) + 1 is
// exact.
//
// The class is composed of one file per concern, each extending the one before it:
// store-base (the maps and the helpers that keep their indexes in step) → users → conversations → messages
// → revocations → outbox.
import type { Store } from '../../ports/store.js'
import { MemoryOutbox } from './outbox.js'

export class MemoryStore extends MemoryOutbox implements Store {}
