-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: drop policy public.docs.p_docs
-- hazard security: Changes policy p_docs on public.docs: review which roles and rows it lets through now.
DROP POLICY p_docs ON public.docs;

-- step 2: drop trigger public.docs.docs_trg
DROP TRIGGER docs_trg ON public.docs;

-- step 3: drop view public.v_docs2
DROP VIEW public.v_docs2;

-- step 4: drop view public.v_docs
DROP VIEW public.v_docs;

-- step 5: drop materialized_view public.mv_docs
DROP MATERIALIZED VIEW public.mv_docs;

-- step 6: alter column public.docs.tsv
ALTER TABLE public.docs ALTER COLUMN tsv DROP DEFAULT;

-- step 7: drop constraint public.docs.body_has_words
ALTER TABLE public.docs DROP CONSTRAINT body_has_words;

-- step 8: alter type public.words
ALTER DOMAIN public.words DROP CONSTRAINT words_check;

-- step 9: drop index public.docs.docs_fts
DROP INDEX public.docs_fts;

-- step 10: drop column public.docs.gen
-- hazard table_rewrite: Generated column public.docs.gen is recreated around a function it uses; this rewrites the table. (public.docs: <size>)
-- hazard access_exclusive_lock: Holds an ACCESS EXCLUSIVE lock on public.docs while it runs: every read and write of the table waits (apply's lock_timeout bounds only the wait for the lock). (public.docs: <size>)
ALTER TABLE public.docs DROP COLUMN gen;

-- step 11: drop text_search_configuration public.myconf
DROP TEXT SEARCH CONFIGURATION public.myconf;

-- step 12: create text_search_parser public.myparser
CREATE TEXT SEARCH PARSER public.myparser (END = prsd_end, GETTOKEN = prsd_nexttoken, LEXTYPES = prsd_lextype, START = prsd_start);

-- step 13: create text_search_configuration public.myconf
CREATE TEXT SEARCH CONFIGURATION public.myconf (PARSER = public.myparser);
ALTER TEXT SEARCH CONFIGURATION public.myconf ADD MAPPING FOR asciiword WITH simple;
ALTER TEXT SEARCH CONFIGURATION public.myconf ADD MAPPING FOR word WITH simple;

-- step 14: alter column public.docs.tsv
ALTER TABLE public.docs ALTER COLUMN tsv SET DEFAULT to_tsvector('public.myconf'::regconfig, ''::text);

-- step 15: create column public.docs.gen
ALTER TABLE public.docs ADD COLUMN gen tsvector GENERATED ALWAYS AS (to_tsvector('public.myconf'::regconfig, body)) STORED;

-- step 16: create constraint public.docs.body_has_words
-- hazard validation_scan: Adding body_has_words scans public.docs and fails if an existing row violates it. (public.docs: <size>)
-- hazard access_exclusive_lock: Holds an ACCESS EXCLUSIVE lock on public.docs while it runs: every read and write of the table waits (apply's lock_timeout bounds only the wait for the lock). (public.docs: <size>)
ALTER TABLE public.docs ADD CONSTRAINT body_has_words CHECK (to_tsvector('public.myconf'::regconfig, body) IS NOT NULL);

-- step 17: alter type public.words
ALTER DOMAIN public.words ADD CONSTRAINT words_check CHECK (to_tsvector('public.myconf'::regconfig, value) IS NOT NULL);

-- step 18: create index public.docs.docs_fts
-- hazard index_build: Building index docs_fts blocks writes to public.docs until it finishes. (public.docs: <size>)
CREATE INDEX docs_fts ON public.docs USING gin (to_tsvector('public.myconf'::regconfig, body));

-- step 19: create materialized_view public.mv_docs
-- hazard table_rewrite: Recreating materialized view public.mv_docs runs its query again to fill it.
CREATE MATERIALIZED VIEW public.mv_docs AS
SELECT docs.id, to_tsvector('public.myconf'::regconfig, docs.body) AS tsv FROM public.docs;

-- step 20: create view public.v_docs
CREATE VIEW public.v_docs AS
SELECT docs.id, to_tsvector('public.myconf'::regconfig, docs.body) AS tsv FROM public.docs;

-- step 21: create view public.v_docs2
CREATE VIEW public.v_docs2 AS
SELECT v_docs.id FROM public.v_docs;

-- step 22: create trigger public.docs.docs_trg
CREATE TRIGGER docs_trg BEFORE INSERT ON public.docs FOR EACH ROW WHEN (to_tsvector('public.myconf'::regconfig, new.body) IS NOT NULL) EXECUTE FUNCTION public.trg_fn();

-- step 23: create policy public.docs.p_docs
CREATE POLICY p_docs ON public.docs
    USING (to_tsvector('public.myconf'::regconfig, body) @@ '''x'''::tsquery);

COMMIT;
