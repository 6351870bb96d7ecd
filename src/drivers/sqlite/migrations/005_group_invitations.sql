-- Invitations to groups (group consent), as MySQL's 008: a user who shares no conversation with the adder is
-- invited, and becomes a member only by accepting. One row per (group, invitee); no foreign keys, as elsewhere.
CREATE TABLE group_invitations (
  conversation_id TEXT    NOT NULL,
  invitee_id      TEXT    NOT NULL,
  inviter_id      TEXT    NOT NULL,
  created_at      INTEGER NOT NULL,
  PRIMARY KEY (conversation_id, invitee_id)
) WITHOUT ROWID;
CREATE INDEX ix_group_invitations_invitee ON group_invitations (invitee_id, created_at);
