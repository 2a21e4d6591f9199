-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: create table public.New Docs
CREATE TABLE public."New Docs" (
    id integer,
    "Body" text COMPRESSION lz4
);

-- step 2: alter column public.New Docs.Body
ALTER TABLE public."New Docs" ALTER COLUMN "Body" SET STORAGE EXTERNAL;

-- step 3: alter column public.docs.body
ALTER TABLE public.docs ALTER COLUMN body SET STORAGE MAIN;

-- step 4: alter column public.docs.body
ALTER TABLE public.docs ALTER COLUMN body SET COMPRESSION lz4;

-- step 5: alter column public.docs.meta
ALTER TABLE public.docs ALTER COLUMN meta SET STORAGE EXTENDED;

-- step 6: alter column public.docs.amount
ALTER TABLE public.docs ALTER COLUMN amount SET STORAGE EXTERNAL;

-- step 7: alter column public.docs.tag
ALTER TABLE public.docs ALTER COLUMN tag SET COMPRESSION default;

-- step 8: create column public.docs.raw
ALTER TABLE public.docs ADD COLUMN raw bytea COMPRESSION pglz;

-- step 9: create table public.docs_child
CREATE TABLE public.docs_child () INHERITS (public.docs);

-- step 10: alter column public.docs.raw
ALTER TABLE public.docs ALTER COLUMN raw SET STORAGE EXTERNAL;

-- step 11: alter column public.docs_child.body
ALTER TABLE public.docs_child ALTER COLUMN body SET COMPRESSION lz4;

-- step 12: alter column public.docs_child.tag
ALTER TABLE public.docs_child ALTER COLUMN tag SET COMPRESSION default;

COMMIT;
