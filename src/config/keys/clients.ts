// What clients meet: tokens and secrets, login lockout, password hashing, frame sizes, rate limits, connection
// caps, HTTP/WebSocket timeouts, heartbeats and presence.
import { z } from 'zod'
import { positiveInt, addressList } from './schemas.js'

export const clientKeys = {
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
} as const
