// The roles: their instances, addresses, listeners and metrics ports, and how messages move between them
// (large groups, retries, pushes, persistence, the outbox relay).
import { z } from 'zod'
import { port, positiveInt, list, listenAddr } from './schemas.js'

export const roleKeys = {
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
} as const
