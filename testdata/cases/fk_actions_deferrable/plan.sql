-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: create table public.posts
CREATE TABLE public.posts (
    id integer NOT NULL,
    author_id bigint,
    editor_id bigint,
    CONSTRAINT posts_pkey PRIMARY KEY (id)
);

-- step 2: create constraint public.posts.posts_author_fkey
ALTER TABLE public.posts ADD CONSTRAINT posts_author_fkey FOREIGN KEY (author_id) REFERENCES public.users(id) ON UPDATE CASCADE ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED;

-- step 3: create constraint public.posts.posts_editor_fkey
ALTER TABLE public.posts ADD CONSTRAINT posts_editor_fkey FOREIGN KEY (editor_id) REFERENCES public.users(id) MATCH FULL ON DELETE RESTRICT DEFERRABLE;

COMMIT;
