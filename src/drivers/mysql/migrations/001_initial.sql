-- gochat's tables. Times are epoch milliseconds (BIGINT) as on the wire, except the outbox's, which the
-- database sets itself. Ids compare as bytes (utf8mb4_bin), the order member pages are cursored by.
-- No foreign keys: rows are written in bulk and by several roles' tests; repo keeps them consistent.

CREATE TABLE users (
  user_id       VARCHAR(64)  NOT NULL,
  username      VARCHAR(64)  NULL COMMENT 'NULL for guests',
  display_name  VARCHAR(128) NOT NULL,
  guest         TINYINT(1)   NOT NULL DEFAULT 0,
  password_hash VARCHAR(255) NOT NULL DEFAULT '' COMMENT 'scrypt, computed by logic',
  created_at    BIGINT       NOT NULL,
  PRIMARY KEY (user_id),
  UNIQUE KEY uq_users_username (username)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- direct conversations have an id derived from the sorted pair of users, so the primary key keeps them unique
CREATE TABLE conversations (
  conversation_id VARCHAR(64)             NOT NULL,
  kind            ENUM('direct', 'group') NOT NULL,
  name            VARCHAR(255)            NOT NULL DEFAULT '',
  announcement    TEXT                    NOT NULL,
  member_count    INT UNSIGNED            NOT NULL DEFAULT 0 COMMENT 'kept with members in the same transactions',
  created_at      BIGINT                  NOT NULL,
  PRIMARY KEY (conversation_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE members (
  conversation_id VARCHAR(64)              NOT NULL,
  user_id         VARCHAR(64)              NOT NULL,
  role            ENUM('admin', 'member') NOT NULL DEFAULT 'member',
  joined_at       BIGINT                   NOT NULL,
  PRIMARY KEY (conversation_id, user_id),
  KEY ix_members_user (user_id, conversation_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- clustered by (conversation_id, seq): a sync page is one range scan, MAX(seq) one index probe
CREATE TABLE messages (
  conversation_id VARCHAR(64)                          NOT NULL,
  seq             BIGINT UNSIGNED                      NOT NULL,
  message_id      VARCHAR(64)                          NOT NULL,
  sender_id       VARCHAR(64)                          NOT NULL,
  content         MEDIUMTEXT                           NOT NULL,
  sent_at         BIGINT                               NOT NULL,
  status          ENUM('normal', 'recalled', 'deleted') NOT NULL DEFAULT 'normal',
  idempotency_key VARCHAR(128)                         NULL COMMENT 'NULL when the client gave none',
  PRIMARY KEY (conversation_id, seq),
  UNIQUE KEY uq_messages_id (message_id),
  UNIQUE KEY uq_messages_sender_key (sender_id, idempotency_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE read_cursors (
  conversation_id VARCHAR(64)     NOT NULL,
  user_id         VARCHAR(64)     NOT NULL,
  read_seq        BIGINT UNSIGNED NOT NULL,
  updated_at      BIGINT          NOT NULL,
  PRIMARY KEY (conversation_id, user_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE friend_requests (
  from_user_id VARCHAR(64)                   NOT NULL,
  to_user_id   VARCHAR(64)                   NOT NULL,
  status       ENUM('pending', 'accepted')  NOT NULL DEFAULT 'pending',
  created_at   BIGINT                        NOT NULL,
  updated_at   BIGINT                        NOT NULL,
  PRIMARY KEY (from_user_id, to_user_id),
  KEY ix_friend_requests_to (to_user_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- the transactional outbox: rows are written with the change they announce and published by the relay in id order
CREATE TABLE outbox (
  id           BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  topic        VARCHAR(255)    NOT NULL,
  msg_key      VARCHAR(255)    NULL,
  value        MEDIUMBLOB      NOT NULL,
  headers      JSON            NOT NULL,
  created_at   DATETIME(3)     NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  published_at DATETIME(3)     NULL,
  PRIMARY KEY (id),
  KEY ix_outbox_published (published_at, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
