-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: drop table public.gone
-- hazard deletes_data: Dropping table public.gone deletes all of its rows. (public.gone: <size>)
DROP TABLE public.gone;

-- step 2: create table public.other
CREATE TABLE public.other (
    o integer NOT NULL
);

-- step 3: create table public.strict_base
CREATE TABLE public.strict_base (
    v integer,
    CONSTRAINT v_set CHECK (v IS NOT NULL) NO INHERIT
);

-- step 4: create table public.strict_child
CREATE TABLE public.strict_child () INHERITS (public.strict_base);

-- step 5: alter column public.base.created
-- hazard validation_scan: SET NOT NULL scans public.base under an ACCESS EXCLUSIVE lock and fails if a row holds NULL. (public.base: <size>)
-- hazard access_exclusive_lock: Holds an ACCESS EXCLUSIVE lock on public.base while it runs: every read and write of the table waits (apply's lock_timeout bounds only the wait for the lock). (public.base: <size>)
ALTER TABLE public.base ALTER COLUMN created SET NOT NULL;

-- step 6: create column public.base.Label
ALTER TABLE public.base ADD COLUMN "Label" text DEFAULT 'none';

-- step 7: create table public.Child B
CREATE TABLE public."Child B" (
    id integer DEFAULT nextval('public.base_id_seq'::regclass) NOT NULL,
    b1 text NOT NULL,
    CONSTRAINT b1_short CHECK (length(b1) < 10)
) INHERITS (public.base);

-- step 8: create table public.both_parents
CREATE TABLE public.both_parents (
    x integer
) INHERITS (public.base, public.other);

-- step 9: alter column public.Child B.Label
ALTER TABLE public."Child B" ALTER COLUMN "Label" SET DEFAULT 'b';

COMMIT;
