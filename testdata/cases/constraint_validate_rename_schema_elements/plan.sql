-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: create schema app
CREATE SCHEMA app;

-- step 2: create sequence app.counter
CREATE SEQUENCE app.counter AS bigint;

-- step 3: create table app.items
CREATE TABLE app.items (
    id integer NOT NULL,
    name text,
    CONSTRAINT items_pkey PRIMARY KEY (id)
);

-- step 4: create table app.refs
CREATE TABLE app.refs (
    item integer
);

-- step 5: alter constraint public.t.a_fk
-- hazard validation_scan: Validating a_fk scans public.t. (public.t: <size>)
ALTER TABLE public.t VALIDATE CONSTRAINT a_fk;

-- step 6: alter constraint public.t.a_pos
-- hazard validation_scan: Validating a_pos scans public.t. (public.t: <size>)
ALTER TABLE public.t VALIDATE CONSTRAINT a_pos;

-- step 7: create constraint public.t.t_b_unique
-- hazard index_build: Adding t_b_unique builds an index on public.t, blocking writes, and fails on duplicate rows. (public.t: <size>)
-- hazard access_exclusive_lock: Holds an ACCESS EXCLUSIVE lock on public.t while it runs: every read and write of the table waits (apply's lock_timeout bounds only the wait for the lock). (public.t: <size>)
ALTER TABLE public.t ADD CONSTRAINT t_b_unique UNIQUE (b);

-- step 8: create index app.items.items_name_idx
CREATE INDEX items_name_idx ON app.items USING btree (name);

-- step 9: create constraint app.refs.refs_item_fkey
ALTER TABLE app.refs ADD CONSTRAINT refs_item_fkey FOREIGN KEY (item) REFERENCES app.items(id);

-- step 10: create view app.named
CREATE VIEW app.named AS
SELECT id, name FROM app.items WHERE name IS NOT NULL;

COMMIT;
