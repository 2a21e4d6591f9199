-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: create table public.name
CREATE TABLE public.name (
    first text,
    last text DEFAULT 'x' || 'y'
);

-- step 2: create table public.oid
CREATE TABLE public.oid (
    id bigint DEFAULT 1 + 1,
    CONSTRAINT oid_id_check CHECK (id >= 0)
);

-- step 3: create table public.pg_constraint
CREATE TABLE public.pg_constraint (
    conname text DEFAULT 'c' || 'd',
    CONSTRAINT pg_constraint_conname_check CHECK (conname <> '')
);

-- step 4: alter column public.pg_attribute.id
ALTER TABLE public.pg_attribute ALTER COLUMN id SET DEFAULT 1 + 1;

-- step 5: alter column public.pg_attribute.label
ALTER TABLE public.pg_attribute ALTER COLUMN label SET DEFAULT 'x'::text;

-- step 6: alter column public.text.body
ALTER TABLE public.text ALTER COLUMN body SET DEFAULT ''::text;

-- step 7: create constraint public.pg_attribute.pg_attribute_id_check
-- hazard validation_scan: Adding pg_attribute_id_check scans public.pg_attribute and fails if an existing row violates it. (public.pg_attribute: <size>)
-- hazard access_exclusive_lock: Holds an ACCESS EXCLUSIVE lock on public.pg_attribute while it runs: every read and write of the table waits (apply's lock_timeout bounds only the wait for the lock). (public.pg_attribute: <size>)
ALTER TABLE public.pg_attribute ADD CONSTRAINT pg_attribute_id_check CHECK (id > 0);

-- step 8: create constraint public.text.text_body_check
-- hazard validation_scan: Adding text_body_check scans public.text and fails if an existing row violates it. (public.text: <size>)
-- hazard access_exclusive_lock: Holds an ACCESS EXCLUSIVE lock on public.text while it runs: every read and write of the table waits (apply's lock_timeout bounds only the wait for the lock). (public.text: <size>)
ALTER TABLE public.text ADD CONSTRAINT text_body_check CHECK (length(body) < 1000);

-- step 9: create index public.pg_attribute.pg_attribute_label
-- hazard index_build: Building index pg_attribute_label blocks writes to public.pg_attribute until it finishes. (public.pg_attribute: <size>)
CREATE INDEX pg_attribute_label ON public.pg_attribute USING btree (lower(label));

-- step 10: create index public.text.text_body_lower
-- hazard index_build: Building index text_body_lower blocks writes to public.text until it finishes. (public.text: <size>)
CREATE INDEX text_body_lower ON public.text USING btree (lower(body));

COMMIT;
