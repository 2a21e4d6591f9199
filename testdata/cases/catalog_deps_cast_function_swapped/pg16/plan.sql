-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: drop view public.v_acct
DROP VIEW public.v_acct;

-- step 2: drop constraint public.acct.bal_text_ok
ALTER TABLE public.acct DROP CONSTRAINT bal_text_ok;

-- step 3: drop index public.acct.acct_bal_text
DROP INDEX public.acct_bal_text;

-- step 4: drop cast public.money2 AS text
DROP CAST (public.money2 AS text);

-- step 5: drop function public.money2_text(public.money2)
DROP FUNCTION public.money2_text(public.money2);

-- step 6: create function public.money2_to_text(public.money2)
CREATE OR REPLACE FUNCTION public.money2_to_text(public.money2)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT $1.cur || ' ' || $1.amount::text $function$;

-- step 7: create cast public.money2 AS text
CREATE CAST (public.money2 AS text) WITH FUNCTION public.money2_to_text(public.money2);

-- step 8: create constraint public.acct.bal_text_ok
-- hazard validation_scan: Adding bal_text_ok scans public.acct and fails if an existing row violates it. (public.acct: <size>)
-- hazard access_exclusive_lock: Holds an ACCESS EXCLUSIVE lock on public.acct while it runs: every read and write of the table waits (apply's lock_timeout bounds only the wait for the lock). (public.acct: <size>)
ALTER TABLE public.acct ADD CONSTRAINT bal_text_ok CHECK (bal::text <> ''::text);

-- step 9: create index public.acct.acct_bal_text
-- hazard index_build: Building index acct_bal_text blocks writes to public.acct until it finishes. (public.acct: <size>)
CREATE INDEX acct_bal_text ON public.acct USING btree ((bal::text));

-- step 10: create view public.v_acct
CREATE VIEW public.v_acct AS
SELECT id, bal::text AS bal_text FROM public.acct;

COMMIT;
