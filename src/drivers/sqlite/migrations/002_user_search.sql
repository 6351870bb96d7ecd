-- User search (GET /v1/users?q=): lower-cased username and display name indexed, so that a case-insensitive
-- prefix is an index range rather than a scan of every user (as MySQL's migration 004).
CREATE INDEX ix_users_username_lc ON users (lower(username));
CREATE INDEX ix_users_display_name_lc ON users (lower(display_name));
