// Every configuration key, once. Flags (--kebab-case), GOCHAT_* environment variables (UPPER_SNAKE) and the
// config file (snake_case, as in the seed documents: large_group_threshold, fanout_batch_size, …) all derive
// their names from this table.
//
// The keys are grouped by concern in keys/ (engines, roles, clients, retention, blobs, observability); this table joins them,
// keeping the order they are listed in (by `gochat … --help`, for one).
import { blobKeys } from './keys/blobs.js'
import { clientKeys } from './keys/clients.js'
import { engineKeys } from './keys/engines.js'
import { observabilityKeys } from './keys/observability.js'
import { retentionKeys } from './keys/retention.js'
import { roleKeys } from './keys/roles.js'
import type { z } from 'zod'

export const configKeys = {
  ...engineKeys,
  ...roleKeys,
  ...clientKeys,
  ...retentionKeys,
  ...blobKeys,
  ...observabilityKeys,
} as const

export type ConfigKey = keyof typeof configKeys

/** Keys whose values are never echoed (a refused value is named by its length only). */
export const isSecretKey = (key: string): boolean => 'secret' in (configKeys[key as ConfigKey] ?? {})
export type GochatConfig = { -readonly [K in ConfigKey]: z.output<(typeof configKeys)[K]['schema']> }

export const envName = (key: string) => `GOCHAT_${key.toUpperCase()}`
export const flagName = (key: string) => key.replace(/_/g, '-')
