-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: create index public.docs.docs_body_idx
-- hazard index_build: Building index docs_body_idx blocks writes to public.docs until it finishes. (public.docs: <size>)
CREATE INDEX docs_body_idx ON public.docs USING gin (body jsonb_path_ops);

-- step 2: create index public.docs.docs_created_idx
-- hazard index_build: Building index docs_created_idx blocks writes to public.docs until it finishes. (public.docs: <size>)
CREATE INDEX docs_created_idx ON public.docs USING brin (created);

-- step 3: create index public.docs.docs_tags_idx
-- hazard index_build: Building index docs_tags_idx blocks writes to public.docs until it finishes. (public.docs: <size>)
CREATE INDEX docs_tags_idx ON public.docs USING gin (tags);

-- step 4: create index public.docs.docs_title_created_idx
-- hazard index_build: Building index docs_title_created_idx blocks writes to public.docs until it finishes. (public.docs: <size>)
CREATE UNIQUE INDEX docs_title_created_idx ON public.docs USING btree (title DESC NULLS LAST, created) INCLUDE (id);

-- step 5: create index public.docs.docs_title_hash
-- hazard index_build: Building index docs_title_hash blocks writes to public.docs until it finishes. (public.docs: <size>)
CREATE INDEX docs_title_hash ON public.docs USING hash (title);

COMMIT;
