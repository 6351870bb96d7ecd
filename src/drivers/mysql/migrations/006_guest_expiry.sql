-- Guest expiry (guest_ttl_days): the sweep finds the oldest guests by an index range, not a scan of every user.
ALTER TABLE users ADD INDEX ix_users_guest_created (guest, created_at);
