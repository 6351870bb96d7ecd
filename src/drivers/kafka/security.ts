// SASL and TLS of every Kafka client of this process (kafka_sasl_*, kafka_tls*). Set once from config, at start,
// by the CLI and by startSystem, and applied by createKafka: every Kafka client of a process talks to the one
// Kafka cluster its config names, so the call sites (bus, admin, tail, produce, …) need not carry them.
import type { KafkaConfig, SASLOptions } from 'kafkajs'
import type { GochatConfig } from '../../config/index.js'
import { tlsFiles } from '../tls-files.js'

type KafkaSecurityConfig = Pick<
  GochatConfig,
  | 'kafka_sasl_mechanism'
  | 'kafka_sasl_username'
  | 'kafka_sasl_password'
  | 'kafka_tls'
  | 'kafka_tls_ca'
  | 'kafka_tls_cert'
  | 'kafka_tls_key'
>

let current: Pick<KafkaConfig, 'ssl' | 'sasl'> = {}

/** kafkajs's ssl and sasl options from config; throws naming a missing setting or an unreadable file */
export function kafkaSecurityOptions(cfg: KafkaSecurityConfig): Pick<KafkaConfig, 'ssl' | 'sasl'> {
  const files = tlsFiles('kafka', { ca: cfg.kafka_tls_ca, cert: cfg.kafka_tls_cert, key: cfg.kafka_tls_key })
  const ssl = files ? { ...files } : cfg.kafka_tls ? true : undefined
  if (!cfg.kafka_sasl_mechanism) {
    if (cfg.kafka_sasl_username || cfg.kafka_sasl_password)
      throw new Error('kafka_sasl_username/kafka_sasl_password are set but kafka_sasl_mechanism is not')
    return ssl ? { ssl } : {}
  }
  if (!cfg.kafka_sasl_username || !cfg.kafka_sasl_password)
    throw new Error(
      `kafka_sasl_mechanism ${cfg.kafka_sasl_mechanism} needs kafka_sasl_username and kafka_sasl_password`,
    )
  const sasl = {
    mechanism: cfg.kafka_sasl_mechanism,
    username: cfg.kafka_sasl_username,
    password: cfg.kafka_sasl_password,
  } as SASLOptions
  return ssl ? { ssl, sasl } : { sasl }
}

/** sets what createKafka gives every client of this process */
export function useKafkaSecurity(cfg: KafkaSecurityConfig): void {
  current = kafkaSecurityOptions(cfg)
}

export const kafkaSecurity = (): Pick<KafkaConfig, 'ssl' | 'sasl'> => current
