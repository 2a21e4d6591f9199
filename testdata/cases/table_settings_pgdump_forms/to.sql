-- The forms pg_dump writes for settings kept beside definitions.
CREATE TABLE public.t (
    id integer NOT NULL,
    name text
);
ALTER TABLE ONLY public.t ALTER COLUMN id SET STATISTICS 10;
ALTER TABLE ONLY public.t ALTER COLUMN name SET (n_distinct=5);
ALTER TABLE public.t OWNER TO CURRENT_USER;
CREATE VIEW public.v AS
 SELECT t.id,
    t.name
   FROM public.t;
ALTER TABLE public.v OWNER TO CURRENT_USER;
ALTER VIEW public.v OWNER TO CURRENT_USER;
ALTER TABLE ONLY public.v ALTER COLUMN name SET DEFAULT 'x'::text;
ALTER TABLE ONLY public.t
    ADD CONSTRAINT t_pk PRIMARY KEY (id);
CREATE INDEX t_e ON public.t USING btree (((id + 1)));
ALTER TABLE public.t CLUSTER ON t_e;
ALTER INDEX public.t_e ALTER COLUMN 1 SET STATISTICS 100;
ALTER INDEX public.t_e OWNER TO CURRENT_USER;
COMMENT ON INDEX public.t_pk IS 'c';
