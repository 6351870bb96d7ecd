-- History search (src/domain/search.ts, src/drivers/mysql/search.ts). InnoDB FULLTEXT over tokens gochat computes
-- ("k" + hex of each word, CJK character and CJK pair): every token is 3+ characters and no stopword, so the
-- server's defaults (innodb_ft_min_token_size 3, the default stopword list) drop none, and MariaDB has no n-gram
-- parser for CJK. A table of its own: created empty at once on a live database (no rebuild of messages), filled
-- by the backfill that follows the migration, then written with each message.
CREATE TABLE message_search (
  conversation_id VARCHAR(64)     NOT NULL,
  seq             BIGINT UNSIGNED NOT NULL,
  tokens          MEDIUMTEXT      NOT NULL,
  PRIMARY KEY (conversation_id, seq),
  FULLTEXT KEY ft_message_search (tokens)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- where the backfill of messages stored before this migration stands (one row)
CREATE TABLE search_backfill (
  id              TINYINT UNSIGNED NOT NULL PRIMARY KEY,
  conversation_id VARCHAR(64)      NOT NULL,
  seq             BIGINT UNSIGNED  NOT NULL,
  done            TINYINT(1)       NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
INSERT INTO search_backfill (id, conversation_id, seq, done) VALUES (1, '', 0, 0);
