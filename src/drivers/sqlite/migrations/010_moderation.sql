-- Moderation (issue 28), as MySQL's 013: blocks between users, conversations a user muted, members a group admin
-- muted until a time, and bans from groups.
CREATE TABLE user_blocks (
  user_id    TEXT    NOT NULL,
  blocked_id TEXT    NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (user_id, blocked_id)
) WITHOUT ROWID;
CREATE INDEX ix_user_blocks_blocked ON user_blocks (blocked_id);

CREATE TABLE conversation_mutes (
  user_id         TEXT NOT NULL,
  conversation_id TEXT NOT NULL,
  PRIMARY KEY (user_id, conversation_id)
) WITHOUT ROWID;
CREATE INDEX ix_conversation_mutes_conversation ON conversation_mutes (conversation_id);

CREATE TABLE member_mutes (
  conversation_id TEXT    NOT NULL,
  user_id         TEXT    NOT NULL,
  until           INTEGER NOT NULL,
  PRIMARY KEY (conversation_id, user_id)
) WITHOUT ROWID;

CREATE TABLE group_bans (
  conversation_id TEXT    NOT NULL,
  user_id         TEXT    NOT NULL,
  banned_by       TEXT    NOT NULL,
  created_at      INTEGER NOT NULL,
  PRIMARY KEY (conversation_id, user_id)
) WITHOUT ROWID;
