-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: create sequence public.events_big_id_seq
CREATE SEQUENCE public.events_big_id_seq AS bigint;

-- step 2: create sequence public.events_id_seq
CREATE SEQUENCE public.events_id_seq AS integer;

-- step 3: create sequence public.events_small_seq
CREATE SEQUENCE public.events_small_seq AS smallint;

-- step 4: create table public.events
CREATE TABLE public.events (
    id integer DEFAULT nextval('public.events_id_seq'::regclass) NOT NULL,
    big_id bigint DEFAULT nextval('public.events_big_id_seq'::regclass) NOT NULL,
    small smallint DEFAULT nextval('public.events_small_seq'::regclass) NOT NULL,
    payload text,
    CONSTRAINT events_pkey PRIMARY KEY (id)
);

-- step 5: alter sequence public.events_big_id_seq
ALTER SEQUENCE public.events_big_id_seq OWNED BY public.events.big_id;

-- step 6: alter sequence public.events_id_seq
ALTER SEQUENCE public.events_id_seq OWNED BY public.events.id;

-- step 7: alter sequence public.events_small_seq
ALTER SEQUENCE public.events_small_seq OWNED BY public.events.small;

COMMIT;
