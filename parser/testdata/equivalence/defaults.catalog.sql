CREATE TABLE public.d (id integer NOT NULL, a integer DEFAULT 0, b integer DEFAULT 1 NOT NULL, c text DEFAULT 'x'::text, d timestamp with time zone DEFAULT now(), e timestamp without time zone DEFAULT CURRENT_TIMESTAMP, f boolean DEFAULT true, g numeric(10,2) DEFAULT 0.0, h text[] DEFAULT '{}'::text[], i jsonb DEFAULT '{}'::jsonb, j integer, k integer, l integer GENERATED ALWAYS AS ((a * 2)) STORED, m text, n date DEFAULT CURRENT_DATE, o integer);
ALTER TABLE ONLY public.d ADD CONSTRAINT d_check CHECK ((a > o));
ALTER TABLE ONLY public.d ADD CONSTRAINT d_check1 CHECK (true);
ALTER TABLE ONLY public.d ADD CONSTRAINT d_id_check CHECK ((id > 0));
ALTER TABLE ONLY public.d ADD CONSTRAINT d_j_check CHECK ((j > 0)) NO INHERIT;
ALTER TABLE ONLY public.d ADD CONSTRAINT d_m_check CHECK ((m <> ''::text));
ALTER TABLE ONLY public.d ADD CONSTRAINT d_m_check1 CHECK ((length(m) < 10));
ALTER TABLE ONLY public.d ADD CONSTRAINT d_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.d ADD CONSTRAINT named_check CHECK ((((a > 0) AND (o < 100)) OR (a IS NULL)));
