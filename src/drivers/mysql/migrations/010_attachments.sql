-- Attachments (issue 25): an upload slot (pending) and, once its bytes were checked, what they are (ready). The
-- bytes live in the blob store under the attachment id. attachment_owners holds one row per uploader, locked by
-- every new slot of theirs so that the quota check and the insert are one step (READ COMMITTED takes no gap locks).
-- Plain CREATE TABLEs, so they apply to a live database.
CREATE TABLE attachments (
  attachment_id VARCHAR(64)   NOT NULL,
  owner_id      VARCHAR(64)   NOT NULL,
  kind          VARCHAR(16)   NOT NULL,
  mime          VARCHAR(255)  NOT NULL,
  size          BIGINT        NOT NULL,
  name          VARCHAR(255)  NOT NULL,
  sha256        CHAR(64)      NOT NULL DEFAULT '',
  width         INT           NULL,
  height        INT           NULL,
  duration_ms   INT           NULL,
  state         VARCHAR(16)   NOT NULL,
  created_at    BIGINT        NOT NULL COMMENT 'epoch ms',
  expires_at    BIGINT        NOT NULL COMMENT 'epoch ms: a pending slot is dead after it',
  PRIMARY KEY (attachment_id),
  KEY ix_attachments_owner (owner_id, state, expires_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE attachment_owners (
  owner_id VARCHAR(64) NOT NULL,
  PRIMARY KEY (owner_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
