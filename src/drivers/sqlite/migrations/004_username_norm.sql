-- Usernames unique once normalized (NFKC and lower case, src/contracts/names.ts: "Alice" and "alice" are one
-- name), and the choice to be found by name (people_search=exact). The store writes username_norm on insert; the
-- migrator fills it for older rows right after this file, leaving NULL (and reporting) where another account
-- holds the normalized name (src/drivers/sql/username-backfill.ts). As MySQL's migration 005.
ALTER TABLE users ADD COLUMN username_norm TEXT NULL;
ALTER TABLE users ADD COLUMN discoverable INTEGER NOT NULL DEFAULT 0;
CREATE UNIQUE INDEX uq_users_username_norm ON users (username_norm);
