-- Rate-limit buckets are now named <policy>:<32 hex digits of an HMAC of the IP address, account id or key id>
-- (platform/ratelimit/BucketKeys), never the identifier itself. Rows named the old way held raw IP addresses and
-- account ids: they go now rather than at the end of their window. Those clients start with full buckets once.
DELETE FROM rate_limit_buckets WHERE id !~ '^[a-z-]+:[0-9a-f]{32}$';
COMMENT ON COLUMN rate_limit_buckets.id IS '<policy>:<HMAC-SHA256 of the subject, 128 bits in hex>; never a raw IP address or account id';
