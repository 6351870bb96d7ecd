-- User search (GET /v1/users?q=): lower-cased copies of username and display name, kept by MySQL itself, each
-- indexed, so that a case-insensitive prefix is an index range rather than a scan of every user.
ALTER TABLE users
  ADD COLUMN username_lc VARCHAR(64) AS (LOWER(username)) STORED,
  ADD COLUMN display_name_lc VARCHAR(128) AS (LOWER(display_name)) STORED,
  ADD INDEX ix_users_username_lc (username_lc),
  ADD INDEX ix_users_display_name_lc (display_name_lc);
