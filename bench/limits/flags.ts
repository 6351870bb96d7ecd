// Flags of `gochat bench limits`, shared with the --limits option of the other bench verbs.
import { Flags } from '@oclif/core'
import type { LimitsOptions } from './index.js'

export const limitsFlags = {
  'limits-seconds': Flags.integer({ description: 'Seconds per ceiling probe', default: 3, min: 1, max: 60 }),
  'limits-connections': Flags.integer({
    description: 'MariaDB sessions in parallel for the ceiling probe',
    default: 16,
    min: 1,
    max: 256,
  }),
  'limits-batch': Flags.integer({
    description: 'Messages per transaction / records per Kafka batch / commands per Redis pipeline',
    default: 100,
    min: 1,
    max: 10_000,
  }),
}

export const limitsOptions = (
  f: { 'limits-seconds': number; 'limits-connections': number; 'limits-batch': number },
  log: (t: string) => void,
): LimitsOptions => ({
  seconds: f['limits-seconds'],
  connections: f['limits-connections'],
  batch: f['limits-batch'],
  log,
})
