-- Revoked tokens (logout), durable: the cache (Redis) holds them for the gateways' one-round-trip check and is
-- reloaded from here when it loses them. A row is kept until its token would be refused for its expiry anyway.
CREATE TABLE revoked_tokens (
  jti        VARCHAR(64) NOT NULL,
  expires_at BIGINT      NOT NULL COMMENT 'epoch ms: the token exp plus clock skew',
  PRIMARY KEY (jti),
  KEY ix_revoked_tokens_expires (expires_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
