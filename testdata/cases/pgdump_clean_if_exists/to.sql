-- The shape of pg_dump --schema-only --clean --if-exists: the clean
-- section first (a placeholder for a view made in two steps, then ALTER
-- TABLE IF EXISTS and DROP ... IF EXISTS of every object), then the
-- objects. Run top to bottom on an empty database the clean section does
-- nothing (the view's placeholder is created and dropped again), so the
-- id column keeps its default and the view is its last definition.
CREATE OR REPLACE VIEW public.v AS
SELECT
    NULL::integer AS id,
    NULL::integer AS a;
ALTER TABLE IF EXISTS ONLY public.t DROP CONSTRAINT IF EXISTS t_pkey;
ALTER TABLE IF EXISTS public.t ALTER COLUMN id DROP DEFAULT;
DROP VIEW IF EXISTS public.v;
DROP SEQUENCE IF EXISTS public.t_id_seq;
DROP TABLE IF EXISTS public.t;
DROP FUNCTION IF EXISTS public.f(integer);

CREATE TABLE public.t (
    id integer NOT NULL,
    a integer
);

CREATE VIEW public.v AS
SELECT
    NULL::integer AS id,
    NULL::integer AS a;

CREATE FUNCTION public.f(x integer) RETURNS integer
    LANGUAGE sql
    AS $$SELECT 1$$;

CREATE SEQUENCE public.t_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.t_id_seq OWNED BY public.t.id;

ALTER TABLE ONLY public.t ALTER COLUMN id SET DEFAULT nextval('public.t_id_seq'::regclass);

ALTER TABLE ONLY public.t
    ADD CONSTRAINT t_pkey PRIMARY KEY (id);

-- The view reads t.a through GROUP BY t.id, so it needs t_pkey: pg_dump
-- completes it after the constraint.
CREATE OR REPLACE VIEW public.v AS
 SELECT t.id,
    t.a
   FROM public.t
  GROUP BY t.id;

CREATE OR REPLACE FUNCTION public.f(x integer) RETURNS integer
    LANGUAGE sql
    AS $$SELECT 2$$;
