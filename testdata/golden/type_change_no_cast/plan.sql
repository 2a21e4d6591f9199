-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: alter column public.logins.at
-- hazard cast_may_fail: Changing public.logins.at from bigint to timestamp without time zone converts every value: PostgreSQL has no cast from bigint to timestamp without time zone, so the conversion fails unless the plan is given a USING expression (and the apply with it; nothing is changed). (public.logins: 0 B, row count unknown until ANALYZE)
-- hazard table_rewrite: Changing the type of public.logins.at rewrites the table under an ACCESS EXCLUSIVE lock. (public.logins: 0 B, row count unknown until ANALYZE)
-- hazard data_migration: public.logins.at changes from bigint to timestamp without time zone, and PostgreSQL has no cast between them: write the conversion in USING. (public.logins: 0 B, row count unknown until ANALYZE)
-- hazard access_exclusive_lock: Holds an ACCESS EXCLUSIVE lock on public.logins while it runs: every read and write of the table waits (apply's lock_timeout bounds only the wait for the lock). (public.logins: 0 B, row count unknown until ANALYZE)
-- renovate: fill in: public.logins.at changes from bigint to timestamp without time zone, and PostgreSQL has no cast between them: write the conversion in USING.
-- renovate: fill in: replace these lines with the statement, its USING expression computing the new value from at:
-- renovate: fill in:   ALTER TABLE public.logins ALTER COLUMN at TYPE timestamp without time zone USING ...;
-- renovate: fill in: Apply refuses the plan while they remain.

COMMIT;
