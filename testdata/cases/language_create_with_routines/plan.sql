-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: create function public.my_handler()
CREATE OR REPLACE FUNCTION public.my_handler()
 RETURNS language_handler
 LANGUAGE c
AS '$libdir/plpgsql', 'plpgsql_call_handler';

-- step 2: create function public.my_inline(internal)
CREATE OR REPLACE FUNCTION public.my_inline(internal)
 RETURNS void
 LANGUAGE c
 STRICT
AS '$libdir/plpgsql', 'plpgsql_inline_handler';

-- step 3: create function public.my_validator(oid)
CREATE OR REPLACE FUNCTION public.my_validator(oid)
 RETURNS void
 LANGUAGE c
 STRICT
AS '$libdir/plpgsql', 'plpgsql_validator';

-- step 4: create language mypl
CREATE TRUSTED LANGUAGE mypl HANDLER public.my_handler INLINE public.my_inline VALIDATOR public.my_validator;

-- step 5: create function public.add_one(x integer)
CREATE OR REPLACE FUNCTION public.add_one(x integer)
 RETURNS integer
 LANGUAGE mypl
 IMMUTABLE
AS $function$BEGIN RETURN x + 1; END$function$;

-- step 6: create table public.t
CREATE TABLE public.t (
    id integer NOT NULL,
    next_id integer DEFAULT public.add_one(0),
    CONSTRAINT t_pkey PRIMARY KEY (id)
);

-- step 7: alter language mypl
COMMENT ON LANGUAGE mypl IS 'plpgsql under another name';

-- step 8: alter language mypl
REVOKE USAGE ON LANGUAGE mypl FROM PUBLIC;

COMMIT;
