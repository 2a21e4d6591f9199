--
-- PostgreSQL database dump
--


-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: t; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.t (
    a integer,
    b integer,
    c text COLLATE pg_catalog."C",
    d jsonb,
    e timestamp with time zone,
    f text
);


ALTER TABLE public.t OWNER TO postgres;

--
-- Name: t_a_a1_idx; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX t_a_a1_idx ON public.t USING btree (a, a);


--
-- Name: t_a_b_idx; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX t_a_b_idx ON public.t USING btree (a, b);


--
-- Name: t_a_b_idx1; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX t_a_b_idx1 ON public.t USING btree (a) INCLUDE (b);


--
-- Name: t_a_idx; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX t_a_idx ON public.t USING btree (a);


--
-- Name: t_a_idx1; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX t_a_idx1 ON public.t USING btree (a);


--
-- Name: t_abs_abs1_idx; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX t_abs_abs1_idx ON public.t USING btree (abs(a), abs(b));


--
-- Name: t_brin; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX t_brin ON public.t USING brin (e) WITH (pages_per_range='32');


--
-- Name: t_coalesce_idx; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX t_coalesce_idx ON public.t USING btree (COALESCE(a, b));


--
-- Name: t_coll; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX t_coll ON public.t USING btree (c, f COLLATE "C");


--
-- Name: t_desc; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX t_desc ON public.t USING btree (a DESC, b, e DESC NULLS LAST, f NULLS FIRST);


--
-- Name: t_expr_idx; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX t_expr_idx ON public.t USING btree (((a + b)));


--
-- Name: t_f_idx; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX t_f_idx ON public.t USING btree (((f)::character varying));


--
-- Name: t_func; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX t_func ON public.t USING btree (date_trunc('day'::text, (e AT TIME ZONE 'UTC'::text)));


--
-- Name: t_gin; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX t_gin ON public.t USING gin (d jsonb_path_ops);


--
-- Name: t_hash; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX t_hash ON public.t USING hash (f);


--
-- Name: t_lower_idx; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX t_lower_idx ON public.t USING btree (lower(f));


--
-- Name: t_nnd; Type: INDEX; Schema: public; Owner: postgres
--

CREATE UNIQUE INDEX t_nnd ON public.t USING btree (b) NULLS NOT DISTINCT;


--
-- Name: t_partial; Type: INDEX; Schema: public; Owner: postgres
--

CREATE UNIQUE INDEX t_partial ON public.t USING btree (a) WHERE ((b IS NOT NULL) AND (a > 0));


--
-- Name: t_pattern; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX t_pattern ON public.t USING btree (f text_pattern_ops);


--
-- Name: t_with; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX t_with ON public.t USING btree (a) WITH (fillfactor='70', deduplicate_items=off);


--
-- PostgreSQL database dump complete
--


