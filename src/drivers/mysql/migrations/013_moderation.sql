-- Moderation (issue 28): blocks between users, conversations a user muted, members a group admin muted until a
-- time, and bans from groups. Plain CREATE TABLEs, so it applies to a live database.
CREATE TABLE user_blocks (
  user_id    VARCHAR(64) NOT NULL COMMENT 'who blocks',
  blocked_id VARCHAR(64) NOT NULL,
  created_at BIGINT      NOT NULL COMMENT 'epoch ms',
  PRIMARY KEY (user_id, blocked_id),
  KEY ix_user_blocks_blocked (blocked_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE conversation_mutes (
  user_id         VARCHAR(64) NOT NULL,
  conversation_id VARCHAR(64) NOT NULL,
  PRIMARY KEY (user_id, conversation_id),
  KEY ix_conversation_mutes_conversation (conversation_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE member_mutes (
  conversation_id VARCHAR(64) NOT NULL,
  user_id         VARCHAR(64) NOT NULL,
  until           BIGINT      NOT NULL COMMENT 'epoch ms',
  PRIMARY KEY (conversation_id, user_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE group_bans (
  conversation_id VARCHAR(64) NOT NULL,
  user_id         VARCHAR(64) NOT NULL,
  banned_by       VARCHAR(64) NOT NULL,
  created_at      BIGINT      NOT NULL COMMENT 'epoch ms',
  PRIMARY KEY (conversation_id, user_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
