// The token-signing secret a system may start with. The default jwt_secret is public (it is in the source), so
// anyone could sign a token for any user: on real infrastructure (Kafka, MySQL or Redis configured, or a role
// run alone, which means other processes share the secret) a default or short secret refuses to start. An
// all-in-one process on embedded drivers without a secret gets a random one for the run instead.
import { randomBytes } from 'node:crypto'
import { ConfigError, configKeys, type GochatConfig } from '../src/config/index.js'

export const MIN_SECRET_CHARS = 32

/** A fresh secret: 32 random bytes, base64url (43 characters). */
export const randomSecret = (): string => randomBytes(32).toString('base64url')

export type SecretCheck = { secret: string; generated: boolean }

/** The secret to run with, or a ConfigError (which never contains the secret) when it must not be used. */
export function checkJwtSecret(
  cfg: Pick<GochatConfig, 'jwt_secret' | 'kafka_brokers' | 'mysql_url' | 'redis_url'>,
  allRoles: boolean,
): SecretCheck {
  const isDefault = cfg.jwt_secret === configKeys.jwt_secret.default
  const real = cfg.kafka_brokers.length > 0 || cfg.mysql_url !== null || cfg.redis_url !== null || !allRoles
  if (!real)
    return isDefault ? { secret: randomSecret(), generated: true } : { secret: cfg.jwt_secret, generated: false }
  if (isDefault || cfg.jwt_secret.length < MIN_SECRET_CHARS) {
    const why = isDefault
      ? 'is the built-in default, which is public'
      : `is shorter than ${MIN_SECRET_CHARS} characters`
    throw new ConfigError(
      `jwt_secret ${why}: anyone who knows it can sign a token for any user. gochat refuses it on real infrastructure ` +
        `(kafka, mysql or redis configured, or a role run alone). Set the same random secret of at least ${MIN_SECRET_CHARS} characters ` +
        'for every process: GOCHAT_JWT_SECRET="$(openssl rand -base64 48)", --jwt-secret, or jwt_secret in the config file.',
    )
  }
  return { secret: cfg.jwt_secret, generated: false }
}
