// Every configuration key, once. Flags (--kebab-case), GOCHAT_* environment variables (UPPER_SNAKE) and the
// config file (snake_case, as in the seed documents: large_group_threshold, fanout_batch_size, …) all derive
// their names from this table.
import { isIP } from 'node:net'
import { z } from 'zod'

// 0 asks the OS for any free port (tests, several instances on one machine)
const port = z.coerce.number().int().min(0).max(65535)
const positiveInt = z.coerce.number().int().min(1)
const list = z.preprocess(
  (v) =>
    typeof v === 'string'
      ? v
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : v,
  z.array(z.string().min(1)),
)
/** addresses or CIDR blocks (IPv4 or IPv6), e.g. 127.0.0.0/8,::1 */
const addressList = list.pipe(
  z.array(
    z.string().refine((v) => {
      const [addr = '', bits, ...rest] = v.split('/')
      const family = isIP(addr)
      if (!family || rest.length) return false
      return bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128))
    }, 'expected an IP address or CIDR block'),
  ),
)
const optionalUrl = (scheme: RegExp, example: string) =>
  z.preprocess(
    (v) => (v === '' || v === 'embedded' ? null : v),
    z.string().regex(scheme, `expected a URL like ${example}, or "embedded"`).nullable(),
  )

/** one host:port to bind a gRPC server on (an IPv6 host in brackets), or unset */
const listenAddr = z.preprocess(
  (v) => (v === '' ? null : v),
  z
    .string()
    .regex(/^([^:\s,[\]]+|\[[0-9a-fA-F:.]+\]):\d{1,5}$/, 'expected one host:port')
    .refine((v) => Number(v.slice(v.lastIndexOf(':') + 1)) <= 65535, 'port above 65535')
    .nullable(),
)

export const configKeys = {
  kafka_brokers: {
    schema: z.preprocess(
      (v) => (v === '' || v === 'embedded' ? [] : v),
      list.pipe(z.array(z.string().regex(/^[^:,\s]+:\d+$/, 'expected host:port'))),
    ),
    default: [] as string[],
    help: 'Kafka bootstrap brokers, comma-separated host:port (empty or "embedded": the in-process bus)',
    expected: 'host:port[,host:port…], e.g. 127.0.0.1:9092',
  },
  kafka_sasl_mechanism: {
    schema: z.preprocess((v) => (v === '' ? null : v), z.enum(['plain', 'scram-sha-256', 'scram-sha-512']).nullable()),
    default: null as 'plain' | 'scram-sha-256' | 'scram-sha-512' | null,
    help: 'Kafka SASL mechanism, with kafka_sasl_username and kafka_sasl_password (unset: no SASL). PLAIN sends the password as it is: use it only with kafka_tls',
    expected: 'plain, scram-sha-256, scram-sha-512, or empty',
  },
  kafka_sasl_username: {
    schema: z.preprocess((v) => (v === '' ? null : v), z.string().nullable()),
    default: null as string | null,
    help: 'Kafka SASL user',
    expected: 'a user name, or empty',
  },
  kafka_sasl_password: {
    schema: z.preprocess((v) => (v === '' ? null : v), z.string().nullable()),
    default: null as string | null,
    help: 'Kafka SASL password',
    expected: 'a password, or empty',
    secret: true,
  },
  kafka_tls: {
    schema: z.preprocess((v) => (v === 'true' ? true : v === 'false' ? false : v), z.boolean()),
    default: false,
    help: 'TLS to the Kafka brokers (SSL or SASL_SSL listeners); on by itself when kafka_tls_ca is set. Without kafka_tls_ca the system CAs are trusted',
    expected: 'true or false',
  },
  kafka_tls_ca: {
    schema: z.preprocess((v) => (v === '' ? null : v), z.string().nullable()),
    default: null as string | null,
    help: "PEM file of the CA that signed the Kafka brokers' certificates (turns kafka_tls on)",
    expected: 'a file path, or empty',
  },
  kafka_tls_cert: {
    schema: z.preprocess((v) => (v === '' ? null : v), z.string().nullable()),
    default: null as string | null,
    help: 'PEM client certificate for brokers that ask for one (ssl.client.auth), with kafka_tls_key',
    expected: 'a file path, or empty',
  },
  kafka_tls_key: {
    schema: z.preprocess((v) => (v === '' ? null : v), z.string().nullable()),
    default: null as string | null,
    help: 'PEM private key of kafka_tls_cert',
    expected: 'a file path, or empty',
    secret: true,
  },
  mysql_url: {
    schema: optionalUrl(/^mysql:\/\//, 'mysql://root@127.0.0.1:3306/gochat'),
    default: null as string | null,
    help: 'MySQL/MariaDB URL (unset: the in-memory store)',
    expected: 'mysql://user[:password]@host:port/database',
  },
  mysql_tls_ca: {
    schema: z.preprocess((v) => (v === '' ? null : v), z.string().nullable()),
    default: null as string | null,
    help: "TLS to MySQL: PEM file of the CA that signed the server's certificate; set, every connection is TLS and the server certificate and name are verified",
    expected: 'a file path, or empty',
  },
  mysql_tls_cert: {
    schema: z.preprocess((v) => (v === '' ? null : v), z.string().nullable()),
    default: null as string | null,
    help: 'PEM client certificate for a MySQL user REQUIRE X509, with mysql_tls_key (needs mysql_tls_ca)',
    expected: 'a file path, or empty',
  },
  mysql_tls_key: {
    schema: z.preprocess((v) => (v === '' ? null : v), z.string().nullable()),
    default: null as string | null,
    help: 'PEM private key of mysql_tls_cert',
    expected: 'a file path, or empty',
    secret: true,
  },
  redis_url: {
    schema: optionalUrl(/^rediss?(\+cluster)?:\/\//, 'redis://127.0.0.1:6379'),
    default: null as string | null,
    help: 'Redis URL (unset: the in-memory cache): one server redis://host:port[/db], rediss:// for TLS; a Redis Cluster redis+cluster://host:port,host:port (any of its masters; rediss+cluster:// for TLS). user:password@ before the host sends AUTH',
    expected: 'redis://[user:password@]host:port[/db] or redis+cluster://host:port[,host:port…] (rediss… for TLS)',
  },
  redis_username: {
    schema: z.preprocess((v) => (v === '' ? null : v), z.string().nullable()),
    default: null as string | null,
    help: "Redis ACL user for AUTH (the URL's user, when it has one, wins; unset: the default user)",
    expected: 'a Redis ACL user name, or empty',
  },
  redis_password: {
    schema: z.preprocess((v) => (v === '' ? null : v), z.string().nullable()),
    default: null as string | null,
    help: "Redis password for AUTH (requirepass, or the ACL user's); kept out of URLs, logs and `context show`",
    expected: 'a password, or empty',
    secret: true,
  },
  redis_tls_ca: {
    schema: z.preprocess((v) => (v === '' ? null : v), z.string().nullable()),
    default: null as string | null,
    help: "PEM file of the CA that signed the Redis servers' certificates (turns TLS on; rediss:// with it unset trusts the system CAs)",
    expected: 'a file path, or empty',
  },
  redis_tls_cert: {
    schema: z.preprocess((v) => (v === '' ? null : v), z.string().nullable()),
    default: null as string | null,
    help: 'PEM client certificate for Redis servers that ask for one (tls-auth-clients), with redis_tls_key',
    expected: 'a file path, or empty',
  },
  redis_tls_key: {
    schema: z.preprocess((v) => (v === '' ? null : v), z.string().nullable()),
    default: null as string | null,
    help: 'PEM private key of redis_tls_cert',
    expected: 'a file path, or empty',
    secret: true,
  },
  redis_key_prefix: {
    schema: z.string().regex(/^[a-zA-Z0-9._:-]{0,64}$/),
    default: '',
    help: 'Prepended to every Redis key (seq counters, presence, caches), so that deployments can share one Redis database',
    expected: 'up to 64 letters, digits, dot, colon, dash, underscore, e.g. gochat-staging:',
  },
  data_dir: {
    schema: z.preprocess((v) => (v === '' ? null : v), z.string().nullable()),
    default: null as string | null,
    help: 'Directory of the embedded durable store (SQLite, gochat.db) and its token secret, used when mysql_url is unset (empty: the in-memory store; gochat up defaults it to $XDG_DATA_HOME/gochat or ~/.local/share/gochat unless --ephemeral)',
    expected: 'a directory path, or empty',
  },
  sqlite_synchronous: {
    schema: z.enum(['normal', 'full']),
    default: 'normal' as 'normal' | 'full',
    help: 'SQLite store: normal (a commit survives a crash of the process; the last ones may be lost on power loss) or full (fsync on every commit, which blocks the process for each)',
    expected: 'normal or full',
  },
  bus_retention_records: {
    schema: positiveInt,
    default: 10_000,
    help: 'Embedded bus: records kept per topic partition (the oldest go first; Kafka topics keep their own retention)',
    expected: 'a positive integer',
  },
  bus_retention_ms: {
    schema: positiveInt,
    default: 60_000,
    help: "Embedded bus: how long a record is kept (as Kafka's retention.ms; a topic's shorter retention.ms wins). In-process consumers read within milliseconds; this only bridges a consumer's retry pauses",
    expected: 'milliseconds',
  },
  topic_prefix: {
    schema: z.string().regex(/^[a-zA-Z0-9._-]+$/),
    default: 'gochat',
    help: 'Prefix of every Kafka topic name',
    expected: 'letters, digits, dot, dash, underscore',
  },
  partitions: {
    schema: z.coerce.number().int().min(1).max(1000),
    default: 3,
    help: 'Partitions per topic',
    expected: 'an integer from 1 to 1000',
  },
  replication_factor: {
    schema: positiveInt,
    default: 1,
    help: 'Replication factor of every topic',
    expected: 'a positive integer',
  },
  min_insync_replicas: {
    schema: z.coerce.number().int().min(0),
    default: 0,
    help: 'min.insync.replicas of the topics whose records exist nowhere else (dispatch, DLQ): acks=all writes fail when fewer replicas are in sync. 0: 2 when replication_factor is 3 or more, else the broker default',
    expected: 'an integer from 0 to replication_factor',
  },
  gateway_ids: {
    schema: list,
    default: ['gw-1'],
    help: 'Gateway instance ids that get a downstream topic',
    expected: 'comma-separated ids, e.g. gw-1,gw-2',
  },
  instance_id: {
    schema: z.string().regex(/^[a-zA-Z0-9_-]+$/),
    default: 'gw-1',
    help: "This instance's id (gateways: the downstream topic suffix)",
    expected: 'letters, digits, dash, underscore',
  },
  gateway_port: {
    schema: port,
    default: 8080,
    help: 'Gateway HTTP/WebSocket port',
    expected: 'a port number (0: any free port)',
  },
  gateway_host: {
    schema: z.preprocess(
      (v) => (v === '' ? null : v),
      z
        .string()
        .regex(/^[a-zA-Z0-9.:-]+$/)
        .nullable(),
    ),
    default: null as string | null,
    help: 'Gateway bind address (unset: every interface for `gochat serve`, 127.0.0.1 for `gochat up`)',
    expected: 'an IP address or host name, e.g. 127.0.0.1, 0.0.0.0 or ::',
  },
  logic_addr: {
    schema: z.string().regex(/^[^:\s,]+:\d+(,\d{1,3}(\.\d{1,3}){3}:\d+)*$/),
    default: '127.0.0.1:50051',
    help: 'logic gRPC address: where gateways call logic, and where a logic process listens unless logic_listen is set; several logic instances: their IPv4 host:port list, called round robin (a send refused as unavailable is retried at another with its idempotency key)',
    expected: 'host:port, or a list of IPv4 host:port separated by commas',
  },
  repo_addr: {
    schema: z.string().regex(/^[^:\s,]+:\d+(,\d{1,3}(\.\d{1,3}){3}:\d+)*$/),
    default: '127.0.0.1:50052',
    help: 'repo gRPC address: where logic and task call repo, and where a repo process listens unless repo_listen is set; several repo instances: their IPv4 host:port list, called round robin',
    expected: 'host:port, or a list of IPv4 host:port separated by commas',
  },
  logic_listen: {
    schema: listenAddr,
    default: null as string | null,
    help: 'Where a logic process binds its gRPC server, host:port (unset: logic_addr). Set it when the address peers dial is not one to bind, e.g. 0.0.0.0:50051 behind logic_addr 10.0.0.4:50051 (a NAT, a container, a host of several addresses); with port 0 the bound port is advertised on the host of logic_addr',
    expected: 'one host:port, e.g. 0.0.0.0:50051, or empty (logic_addr)',
  },
  repo_listen: {
    schema: listenAddr,
    default: null as string | null,
    help: 'Where a repo process binds its gRPC server, host:port (unset: repo_addr, which must then be one address). Set it when the address peers dial is not one to bind, e.g. 0.0.0.0:50052 behind repo_addr 10.0.0.5:50052; with port 0 the bound port is advertised on the host of repo_addr',
    expected: 'one host:port, e.g. 0.0.0.0:50052, or empty (repo_addr)',
  },
  metrics_host: {
    schema: z.string().regex(/^[a-zA-Z0-9.:-]+$/, 'expected an IP address or host name'),
    default: '127.0.0.1',
    help: 'Bind address of the /health and /metrics ports of logic, repo and task (the gateway serves them on its own gateway_host and port); 0.0.0.0 or a host address lets a monitor on another host scrape them',
    expected: 'an IP address or host name, e.g. 127.0.0.1, 0.0.0.0 or 10.0.0.4',
  },
  rpc_secret: {
    schema: z.preprocess((v) => (v === '' ? null : v), z.string().min(32).nullable()),
    default: null as string | null,
    help: 'Shared secret every gRPC call between roles carries (metadata gochat-rpc-secret), checked by the serving role; the same in every process. Required, or mutual TLS, when a role listens for gRPC on a non-loopback address. `gochat cluster up` makes one for its processes',
    expected: 'at least 32 characters, e.g. `openssl rand -base64 48`, or empty',
    secret: true,
  },
  rpc_tls_ca: {
    schema: z.preprocess((v) => (v === '' ? null : v), z.string().nullable()),
    default: null as string | null,
    help: "Mutual TLS between roles: PEM file of the CA that signs every role's certificate (with rpc_tls_cert and rpc_tls_key; servers refuse callers without a certificate it signed)",
    expected: 'a file path, or empty',
  },
  rpc_tls_cert: {
    schema: z.preprocess((v) => (v === '' ? null : v), z.string().nullable()),
    default: null as string | null,
    help: 'Mutual TLS between roles: PEM certificate this process presents, as server and as client',
    expected: 'a file path, or empty',
  },
  rpc_tls_key: {
    schema: z.preprocess((v) => (v === '' ? null : v), z.string().nullable()),
    default: null as string | null,
    help: 'Mutual TLS between roles: PEM private key of rpc_tls_cert',
    expected: 'a file path, or empty',
    secret: true,
  },
  rpc_tls_server_name: {
    schema: z.preprocess((v) => (v === '' ? null : v), z.string().nullable()),
    default: null as string | null,
    help: "Mutual TLS between roles: the name the servers' certificates are checked against (unset: the host of logic_addr/repo_addr), e.g. one name in a certificate shared by every role",
    expected: 'a DNS name, or empty',
  },
  logic_metrics_port: {
    schema: port,
    default: 9095,
    help: 'logic /health and /metrics port',
    expected: 'a port number (0: any free port)',
  },
  repo_metrics_port: {
    schema: port,
    default: 9094,
    help: 'repo /health and /metrics port',
    expected: 'a port number (0: any free port)',
  },
  task_metrics_port: {
    schema: port,
    default: 9093,
    help: 'task /health and /metrics port',
    expected: 'a port number (0: any free port)',
  },
  large_group_threshold: {
    schema: positiveInt,
    default: 1000,
    help: 'Groups with at least this many members fan out through gochat.tasks.fanout',
    expected: 'a positive integer',
  },
  fanout_batch_size: {
    schema: positiveInt,
    default: 500,
    help: 'Members per FanoutTask shard',
    expected: 'a positive integer',
  },
  message_retry_attempts: {
    schema: z.coerce.number().int().min(0),
    default: 3,
    help: 'Retries of a failed task before it is dead-lettered',
    expected: 'a non-negative integer',
  },
  retry_backoff_base_ms: {
    schema: positiveInt,
    default: 200,
    help: 'First retry delay (doubles each attempt, with jitter)',
    expected: 'milliseconds',
  },
  retry_backoff_cap_ms: { schema: positiveInt, default: 30000, help: 'Largest retry delay', expected: 'milliseconds' },
  consumer_batch_retries: {
    schema: z.coerce.number().int().min(0).max(100),
    default: 5,
    help: 'Times every consumer tries a failing batch again whole (backoff 0.25 s doubling to 5 s) before it tries its records one at a time and dead-letters those refused as bad input',
    expected: 'an integer from 0 to 100',
  },
  consumer_retry_window_ms: {
    schema: z.coerce.number().int().min(0),
    default: 300_000,
    help: 'How long a record that fails with a transient error (repo or database down, timeout) is retried before it is dead-lettered; never while nothing else succeeds (an outage waits)',
    expected: 'milliseconds',
  },
  push_provider: {
    schema: z.enum(['log', 'webhook', 'fcm']),
    default: 'log' as 'log' | 'webhook' | 'fcm',
    help: 'Offline push provider',
    expected: 'log, webhook or fcm',
  },
  push_endpoint: {
    schema: z.string().url().nullable(),
    default: null as string | null,
    help: 'URL of the webhook or FCM endpoint',
    expected: 'an http(s) URL',
  },
  persistence: {
    schema: z.enum(['sync', 'async']),
    default: 'sync' as 'sync' | 'async',
    help: 'sync: transactional outbox; async: through gochat.messages.persist',
    expected: 'sync or async',
  },
  upstream: {
    schema: z.enum(['grpc', 'kafka']),
    default: 'grpc' as 'grpc' | 'kafka',
    help: 'How gateways hand client sends to logic: grpc (SendMessage) or kafka (gochat.messages.upstream; the ack returns through the downstream topic)',
    expected: 'grpc or kafka',
  },
  outbox_relay: {
    schema: z.preprocess(
      (v) => (typeof v === 'string' ? !['false', '0', 'off', 'no'].includes(v.toLowerCase()) : v),
      z.boolean(),
    ),
    default: true,
    help: 'Run the outbox relay in repo (off: rows stay unpublished until a relay runs; for operations and tests)',
    expected: 'true or false',
  },
  jwt_secret: {
    schema: z.string().min(16),
    default: 'gochat-dev-secret-change-me',
    help: 'HMAC secret that signs tokens. Required on real infrastructure (kafka, mysql or redis set, or a role run alone): at least 32 random characters, e.g. `openssl rand -base64 48`; the default is public and refused there. `gochat up` on embedded drivers makes a random one per run when unset',
    expected: 'at least 16 characters (32 or more on real infrastructure)',
    secret: true,
  },
  admin_secret: {
    schema: z.preprocess((v) => (v === '' ? null : v), z.string().min(16).nullable()),
    default: null as string | null,
    help: 'Secret of the admin path (POST /v1/admin/users/bulk, header x-gochat-admin-secret); unset: the admin path is off. gochat up makes one per run',
    expected: 'at least 16 characters, or empty (admin path off)',
    secret: true,
  },
  token_ttl_seconds: {
    schema: positiveInt,
    default: 86400,
    help: 'Token lifetime (tokens that claim a longer one are refused)',
    expected: 'seconds',
  },
  guest_ttl_days: {
    schema: z.coerce.number().int().min(0).max(36500),
    default: 30,
    help: 'Guest accounts are deleted, with what is theirs alone, this many days after their token expired (a guest signs in once, at creation, so no use of it can be later); 0 keeps them forever. One repo sweeps, hourly',
    expected: 'days, 0 to 36500 (0: never)',
  },
  login_max_failures: {
    schema: positiveInt,
    default: 10,
    help: 'Failed logins of one username (any case) within login_lockout_seconds after which its logins are refused with rate_limited until that window ends; a successful login resets the count',
    expected: 'a positive integer',
  },
  login_lockout_seconds: {
    schema: positiveInt,
    default: 900,
    help: 'The window of login_max_failures, and how long a locked username stays locked',
    expected: 'seconds',
  },
  password_hash_concurrency: {
    schema: positiveInt,
    default: 2,
    help: 'Password hashes (scrypt, ~16 MiB and tens of ms each) a logic process computes at once; keep it under UV_THREADPOOL_SIZE (4) so other work keeps a thread',
    expected: 'a positive integer',
  },
  password_hash_queue: {
    schema: z.coerce.number().int().min(0),
    default: 16,
    help: 'Logins and registrations that may wait for a hash slot; beyond that they are refused at once with unavailable (503, retry after 1 s)',
    expected: 'a non-negative integer',
  },
  max_frame_bytes: {
    schema: positiveInt,
    default: 65536,
    help: 'Largest WebSocket frame or HTTP body accepted',
    expected: 'bytes',
  },
  rate_limit_per_second: {
    schema: positiveInt,
    default: 100,
    help: 'Frames per second per connection before rate_limited',
    expected: 'a positive integer',
  },
  auth_rate_per_ip: {
    schema: positiveInt,
    default: 5,
    help: 'Requests a second per client IP (IPv6: per /64) to /v1/auth/login, /register and /guest together, on average; over it: 429 with Retry-After',
    expected: 'a positive integer',
  },
  auth_burst_per_ip: {
    schema: positiveInt,
    default: 60,
    help: 'Requests a client IP may make to the auth routes at once before auth_rate_per_ip applies',
    expected: 'a positive integer',
  },
  people_search: {
    schema: z.enum(['contacts', 'exact', 'open']),
    default: 'exact' as 'contacts' | 'exact' | 'open',
    help: 'Who GET /v1/users?q= finds (logic): contacts (people sharing a conversation with the caller, by name prefix), exact (contacts and users who chose to be discoverable by prefix, anyone by their exact username) or open (everyone by prefix: a directory anyone can list)',
    expected: 'contacts, exact or open',
  },
  people_search_per_user: {
    schema: positiveInt,
    default: 30,
    help: 'People searches (GET /v1/users?q=) one user may make in people_search_window_seconds, counted in the cache so every gateway shares it; over it: 429 with Retry-After',
    expected: 'a positive integer',
  },
  people_search_per_ip: {
    schema: positiveInt,
    default: 120,
    help: 'People searches from one client IP (IPv6: per /64) in people_search_window_seconds, all its users together (new guests do not bring new budgets); shared by every gateway through the cache',
    expected: 'a positive integer',
  },
  people_search_window_seconds: {
    schema: positiveInt,
    default: 60,
    help: 'The window of people_search_per_user and people_search_per_ip',
    expected: 'seconds',
  },
  group_adds: {
    schema: z.enum(['invite', 'direct']),
    default: 'invite' as 'invite' | 'direct',
    help: 'What adding people to a group does (logic): invite (people who share no conversation with the adder get an invitation they accept or decline; the others are added) or direct (everyone is added at once)',
    expected: 'invite or direct',
  },
  group_adds_per_call: {
    schema: positiveInt,
    default: 100,
    help: 'People one group creation or add may name (adds and invitations together); more: 413 too_large and nothing changes. Calls with the admin_secret are not limited',
    expected: 'a positive integer',
  },
  group_adds_per_day: {
    schema: positiveInt,
    default: 1000,
    help: 'People one user may add to or invite into groups in 24 hours (a window from their first add), counted in the cache so every logic instance shares it; past it: 429 rate_limited and nothing changes. Calls with the admin_secret are not counted',
    expected: 'a positive integer',
  },
  rest_rate_per_user: {
    schema: positiveInt,
    default: 100,
    help: "Authenticated REST requests a second per user and gateway (sends included; bursts of one second's worth); over it: 429 with Retry-After",
    expected: 'a positive integer',
  },
  ws_rate_per_user: {
    schema: positiveInt,
    default: 200,
    help: "WebSocket frames a second per user over all of the user's connections to a gateway (rate_limit_per_second applies per connection too)",
    expected: 'a positive integer',
  },
  ws_max_connections_per_user: {
    schema: positiveInt,
    default: 16,
    help: 'WebSocket connections one user may hold on a gateway; one more is refused with 429',
    expected: 'a positive integer',
  },
  max_connections_per_ip: {
    schema: positiveInt,
    default: 256,
    help: 'TCP connections (HTTP and WebSocket) one client address (IPv6: its /64) may hold open over all gateways sharing the cache; one more is answered 429 and closed at once. Not applied to max_connections_per_ip_exempt',
    expected: 'a positive integer',
  },
  max_connections_per_ip_exempt: {
    schema: addressList,
    default: ['127.0.0.0/8', '::1'],
    help: 'Client addresses or CIDR blocks that max_connections_per_ip and ws_max_upgrades_per_ip do not apply to: this host (local tools, a proxy on this host) by default; empty: none',
    expected: 'comma-separated addresses or blocks, e.g. 127.0.0.0/8,::1,10.0.0.7, or empty',
  },
  ws_max_upgrades_per_ip: {
    schema: positiveInt,
    default: 16,
    help: 'WebSocket upgrades one client address may have in progress (token being checked) on a gateway; one more is refused with 429',
    expected: 'a positive integer',
  },
  http_first_byte_timeout_ms: {
    schema: positiveInt,
    default: 5000,
    help: 'A connection that has not sent its first byte within this time is closed (silent sockets that would hold a descriptor)',
    expected: 'milliseconds',
  },
  ws_upgrade_timeout_ms: {
    schema: positiveInt,
    default: 5000,
    help: 'A WebSocket upgrade request not answered within this time (its token check hangs) is closed',
    expected: 'milliseconds',
  },
  http_headers_timeout_ms: {
    schema: positiveInt,
    default: 10_000,
    help: 'A client that has not sent its request headers within this time is disconnected (slow-header clients)',
    expected: 'milliseconds',
  },
  http_request_timeout_ms: {
    schema: positiveInt,
    default: 30_000,
    help: 'A client that has not sent its whole request, body included, within this time gets 408 and is disconnected (slow-body clients)',
    expected: 'milliseconds',
  },
  http_keep_alive_timeout_ms: {
    schema: positiveInt,
    default: 5000,
    help: 'An idle keep-alive HTTP connection is closed after this time',
    expected: 'milliseconds',
  },
  heartbeat_interval_ms: {
    schema: positiveInt,
    default: 15000,
    help: 'WebSocket ping interval; a connection silent for two is dropped',
    expected: 'milliseconds',
  },
  presence_ttl_seconds: {
    schema: positiveInt,
    default: 60,
    help: 'Presence entry lifetime, refreshed by heartbeats',
    expected: 'seconds',
  },
  tracing_endpoint: {
    schema: z.preprocess(
      (v) => (v === '' ? null : v),
      z
        .string()
        .regex(/^https?:\/\/[^\s]+$/, 'expected an http(s) URL')
        .nullable(),
    ),
    default: null as string | null,
    help: 'OpenTelemetry traces: OTLP/HTTP (JSON) URL of a collector, e.g. http://127.0.0.1:4318/v1/traces (empty: tracing off)',
    expected: 'an http(s) URL such as http://127.0.0.1:4318/v1/traces, or empty',
  },
  tracing_sample_ratio: {
    schema: z.coerce.number().min(0).max(1),
    default: 1,
    help: 'Share of new traces sampled when tracing is on (parent-based: spans follow the decision of their trace)',
    expected: 'a number from 0 to 1',
  },
  log_level: {
    schema: z.enum(['debug', 'info', 'warn', 'error', 'silent']),
    default: 'info' as 'debug' | 'info' | 'warn' | 'error' | 'silent',
    help: 'Log level',
    expected: 'debug, info, warn, error or silent',
  },
} as const

export type ConfigKey = keyof typeof configKeys

/** Keys whose values are never echoed (a refused value is named by its length only). */
export const isSecretKey = (key: string): boolean => 'secret' in (configKeys[key as ConfigKey] ?? {})
export type GochatConfig = { -readonly [K in ConfigKey]: z.output<(typeof configKeys)[K]['schema']> }

export const envName = (key: string) => `GOCHAT_${key.toUpperCase()}`
export const flagName = (key: string) => key.replace(/_/g, '-')
