-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: create function public.far(x integer, y integer)
CREATE OR REPLACE FUNCTION public.far(x integer, y integer)
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE
AS $function$SELECT abs(x - y) > 1$function$;

-- step 2: create function public.near(x integer, y integer)
CREATE OR REPLACE FUNCTION public.near(x integer, y integer)
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE
AS $function$SELECT abs(x - y) <= 1$function$;

-- step 3: create operator public.!~~~(integer, integer)
CREATE OPERATOR public.!~~~ (
    FUNCTION = public.far,
    LEFTARG = integer,
    RIGHTARG = integer,
    COMMUTATOR = OPERATOR(public.!~~~),
    NEGATOR = OPERATOR(public.~~~)
);

-- step 4: create operator public.@@@(NONE, numeric)
CREATE OPERATOR public.@@@ (
    FUNCTION = numeric_uminus,
    RIGHTARG = numeric
);

-- step 5: create operator public.~~~(integer, integer)
CREATE OPERATOR public.~~~ (
    FUNCTION = public.near,
    LEFTARG = integer,
    RIGHTARG = integer,
    COMMUTATOR = OPERATOR(public.~~~),
    NEGATOR = OPERATOR(public.!~~~),
    RESTRICT = eqsel,
    JOIN = eqjoinsel
);

-- step 6: create constraint public.pairs.close_enough
-- hazard validation_scan: Adding close_enough scans public.pairs and fails if an existing row violates it. (public.pairs: <size>)
-- hazard access_exclusive_lock: Holds an ACCESS EXCLUSIVE lock on public.pairs while it runs: every read and write of the table waits (apply's lock_timeout bounds only the wait for the lock). (public.pairs: <size>)
ALTER TABLE public.pairs ADD CONSTRAINT close_enough CHECK (a OPERATOR(public.~~~) b);

-- step 7: create view public.close_pairs
CREATE VIEW public.close_pairs AS
SELECT a, b FROM public.pairs WHERE a OPERATOR(public.~~~) b;

-- step 8: alter operator public.~~~(integer, integer)
COMMENT ON OPERATOR public.~~~ (integer, integer) IS 'within one';

COMMIT;
