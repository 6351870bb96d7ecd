// Where Kafka, MySQL/MariaDB, Redis and the embedded engines are, how to reach them securely, and how gochat's
// topics are laid out on them.
import { z } from 'zod'
import { positiveInt, list, optionalUrl } from './schemas.js'

export const engineKeys = {
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
    help: 'Embedded bus: records kept per topic partition (the oldest go first, but those a live consumer has not read yet stay up to 8× longer; Kafka topics keep their own retention)',
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
} as const
