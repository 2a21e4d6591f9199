-- The files no longer change the extension's privileges: what CREATE
-- EXTENSION gave comes back (PUBLIC's EXECUTE granted again, the roles'
-- revoked).
CREATE EXTENSION pgcrypto;
