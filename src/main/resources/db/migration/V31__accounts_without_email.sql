-- Issue 17: a member may join without an e-mail address (POST /api/v1/auth/register/without-email) and sign in with
-- the handle; recovery codes are then the only way back after a forgotten password. accounts_email_key stays as it
-- is: PostgreSQL treats NULLs as distinct, so it keeps every address that is given unique and lets any number of
-- accounts have none. An account without an address cannot have a verified one.
ALTER TABLE accounts ALTER COLUMN email DROP NOT NULL;
ALTER TABLE accounts ADD CONSTRAINT accounts_verified_email_exists CHECK (email IS NOT NULL OR email_verified_at IS NULL);
