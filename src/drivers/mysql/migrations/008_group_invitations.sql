-- Invitations to groups (group consent): a user who shares no conversation with the adder is invited, and becomes
-- a member only by accepting. One row per (group, invitee); a plain CREATE TABLE, so it applies to a live database.
CREATE TABLE group_invitations (
  conversation_id VARCHAR(64) NOT NULL,
  invitee_id      VARCHAR(64) NOT NULL,
  inviter_id      VARCHAR(64) NOT NULL,
  created_at      BIGINT      NOT NULL COMMENT 'epoch ms',
  PRIMARY KEY (conversation_id, invitee_id),
  KEY ix_group_invitations_invitee (invitee_id, created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
