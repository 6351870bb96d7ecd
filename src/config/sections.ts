// The config section each role is given: exactly the keys it reads, typed. The runtime (runtime/system.ts) hands a
// role only its section, so a role cannot come to depend on a key it was not given; a key a role needs joins its
// list here. The keys themselves are declared once, by concern, in keys/.
import type { ConfigKey, GochatConfig } from './keys.js'

/** what every role's consumers read: topic names, and how a failing batch is retried */
const consumerKeys = ['topic_prefix', 'consumer_batch_retries', 'consumer_retry_window_ms'] as const

export const gatewayKeys = [
  ...consumerKeys,
  // its own downstream topic, created on start (the catalog's layout keys)
  'partitions',
  'replication_factor',
  'min_insync_replicas',
  'gateway_ids',
  'instance_id',
  'gateway_port',
  'gateway_host',
  'upstream',
  'jwt_secret',
  'token_ttl_seconds',
  'max_frame_bytes',
  'rate_limit_per_second',
  'rest_rate_per_user',
  'ws_rate_per_user',
  'ws_max_connections_per_user',
  'ws_max_upgrades_per_ip',
  'ws_upgrade_timeout_ms',
  'max_connections_per_ip',
  'max_connections_per_ip_exempt',
  'auth_rate_per_ip',
  'auth_burst_per_ip',
  'people_search_per_user',
  'people_search_per_ip',
  'people_search_window_seconds',
  'message_search_per_user',
  'message_search_window_seconds',
  'http_first_byte_timeout_ms',
  'http_headers_timeout_ms',
  'http_request_timeout_ms',
  'http_keep_alive_timeout_ms',
  'heartbeat_interval_ms',
  'presence_ttl_seconds',
] as const satisfies readonly ConfigKey[]

export const logicKeys = [
  ...consumerKeys,
  'persistence',
  'upstream',
  'jwt_secret',
  'admin_secret',
  'token_ttl_seconds',
  'guest_ttl_days',
  'max_frame_bytes',
  'message_edit_window_seconds',
  'people_search',
  'password_hash_concurrency',
  'password_hash_queue',
  'login_max_failures',
  'login_lockout_seconds',
  'group_adds',
  'group_adds_per_call',
  'group_adds_per_day',
  'upload_url_ttl_seconds',
  'download_url_ttl_seconds',
  'upload_max_bytes_image',
  'upload_max_bytes_file',
  'upload_max_bytes_voice',
  'upload_mime_image',
  'upload_mime_file',
  'upload_mime_voice',
  'upload_quota_bytes',
  'retention_days',
] as const satisfies readonly ConfigKey[]

export const repoKeys = [
  ...consumerKeys,
  'presence_ttl_seconds',
  'guest_ttl_days',
  'token_ttl_seconds',
  'upload_orphan_hours',
] as const satisfies readonly ConfigKey[]

export const taskKeys = [
  ...consumerKeys,
  'large_group_threshold',
  'fanout_batch_size',
  'message_retry_attempts',
  'retry_backoff_base_ms',
  'retry_backoff_cap_ms',
  'push_provider',
  'push_endpoint',
  'retention_days',
  'retention_sweep_seconds',
] as const satisfies readonly ConfigKey[]

export type GatewayConfig = Pick<GochatConfig, (typeof gatewayKeys)[number]>
export type LogicConfig = Pick<GochatConfig, (typeof logicKeys)[number]>
export type RepoConfig = Pick<GochatConfig, (typeof repoKeys)[number]>
export type TaskConfig = Pick<GochatConfig, (typeof taskKeys)[number]>

/** the keys of `cfg` a section lists, and no others */
export function sectionOf<K extends ConfigKey>(cfg: GochatConfig, keys: readonly K[]): Pick<GochatConfig, K> {
  return Object.fromEntries(keys.map((k) => [k, cfg[k]])) as Pick<GochatConfig, K>
}
