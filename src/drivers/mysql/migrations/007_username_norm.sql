-- Usernames unique once normalized (NFKC and lower case, src/contracts/names.ts: "Alice" and "alice" are one
-- name), and the choice to be found by name (people_search=exact). The store writes username_norm on insert; the
-- migrator fills it for older rows right after the files, leaving NULL (and reporting) where another account
-- holds the normalized name (src/drivers/sql/username-backfill.ts). One statement: it applies whole or not at all.
ALTER TABLE users
  ADD COLUMN username_norm VARCHAR(64) NULL COMMENT 'normalizeUsername(username); NULL for guests and reported collisions',
  ADD COLUMN discoverable TINYINT(1) NOT NULL DEFAULT 0 COMMENT 'found by name prefix by anyone',
  ADD UNIQUE KEY uq_users_username_norm (username_norm);
