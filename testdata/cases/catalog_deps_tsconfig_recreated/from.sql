CREATE TEXT SEARCH CONFIGURATION public.myconf (PARSER = pg_catalog."default");
ALTER TEXT SEARCH CONFIGURATION public.myconf ADD MAPPING FOR asciiword WITH simple;
CREATE TABLE docs (
  id int PRIMARY KEY,
  body text,
  tsv tsvector DEFAULT to_tsvector('public.myconf'::regconfig, ''),
  gen tsvector GENERATED ALWAYS AS (to_tsvector('public.myconf'::regconfig, body)) STORED,
  CONSTRAINT body_has_words CHECK (to_tsvector('public.myconf'::regconfig, body) IS NOT NULL)
);
CREATE INDEX docs_fts ON docs USING gin (to_tsvector('public.myconf'::regconfig, body));
CREATE VIEW v_docs AS SELECT id, to_tsvector('public.myconf'::regconfig, body) AS tsv FROM docs;
CREATE MATERIALIZED VIEW mv_docs AS SELECT id, to_tsvector('public.myconf'::regconfig, body) AS tsv FROM docs;
CREATE VIEW v_docs2 AS SELECT id FROM v_docs;
ALTER TABLE docs ENABLE ROW LEVEL SECURITY;
CREATE POLICY p_docs ON docs USING (to_tsvector('public.myconf'::regconfig, body) @@ 'x'::tsquery);
CREATE FUNCTION trg_fn() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER docs_trg BEFORE INSERT ON docs FOR EACH ROW WHEN (to_tsvector('public.myconf'::regconfig, NEW.body) IS NOT NULL) EXECUTE FUNCTION trg_fn();
CREATE DOMAIN words AS text CHECK (to_tsvector('public.myconf'::regconfig, VALUE) IS NOT NULL);
