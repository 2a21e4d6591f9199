-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: rename collation public.Case Insensitive
-- hazard table_rewrite: Collation public.Case Insensitive is recreated: column public.words.word move to the new one, which rewrites their tables and rebuilds their indexes.
ALTER COLLATION public."Case Insensitive" RENAME TO "Case Insensitive__renovate_old";

-- step 2: create collation public.Case Insensitive
CREATE COLLATION public."Case Insensitive" (provider = icu, locale = 'und-u-ks-level1', deterministic = false);

-- step 3: create collation public.lc
CREATE COLLATION public.lc (provider = libc, lc_collate = 'C', lc_ctype = 'POSIX');

-- step 4: create collation public.numeric
CREATE COLLATION public."numeric" (provider = icu, locale = 'en-u-kn-true');

-- step 5: create type public.code
CREATE DOMAIN public.code AS text COLLATE public.posix;

-- step 6: alter column public.words.word
-- hazard table_rewrite: Changing the type of public.words.word rewrites the table under an ACCESS EXCLUSIVE lock. (public.words: <size>)
-- hazard access_exclusive_lock: Holds an ACCESS EXCLUSIVE lock on public.words while it runs: every read and write of the table waits (apply's lock_timeout bounds only the wait for the lock). (public.words: <size>)
ALTER TABLE public.words ALTER COLUMN word TYPE text COLLATE public."Case Insensitive";

-- step 7: create column public.words.code
ALTER TABLE public.words ADD COLUMN code public.code;

-- step 8: create column public.words.num
ALTER TABLE public.words ADD COLUMN num text COLLATE public."numeric";

-- step 9: create index public.words.words_num
-- hazard index_build: Building index words_num blocks writes to public.words until it finishes. (public.words: <size>)
CREATE INDEX words_num ON public.words USING btree (num COLLATE public.posix);

-- step 10: alter collation public.numeric
COMMENT ON COLLATION public."numeric" IS 'numbers sort by value';

-- step 11: drop collation public.Case Insensitive__renovate_old
DROP COLLATION public."Case Insensitive__renovate_old";

-- step 12: drop collation public.gone
DROP COLLATION public.gone;

COMMIT;
