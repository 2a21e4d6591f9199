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
-- Name: child; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.child (
    id bigint NOT NULL,
    parent_id integer,
    parent_code text,
    x integer,
    y integer
);


ALTER TABLE public.child OWNER TO postgres;

--
-- Name: dd; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.dd (
    id integer NOT NULL,
    a integer,
    b integer,
    c integer
);


ALTER TABLE public.dd OWNER TO postgres;

--
-- Name: parent; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.parent (
    id integer NOT NULL,
    code text,
    a integer,
    b integer
);


ALTER TABLE public.parent OWNER TO postgres;

--
-- Name: ranges; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.ranges (
    r int4range,
    s int4range
);


ALTER TABLE public.ranges OWNER TO postgres;

--
-- Name: dd c_u; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.dd
    ADD CONSTRAINT c_u UNIQUE (c) WITH (fillfactor='50');


--
-- Name: child child_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.child
    ADD CONSTRAINT child_pkey PRIMARY KEY (id) INCLUDE (x) WITH (fillfactor='70');


--
-- Name: child child_x_positive; Type: CHECK CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE public.child
    ADD CONSTRAINT child_x_positive CHECK ((x > 0)) NOT VALID;


--
-- Name: child child_x_y_key; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.child
    ADD CONSTRAINT child_x_y_key UNIQUE (x) INCLUDE (y);


--
-- Name: child child_y_uq; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.child
    ADD CONSTRAINT child_y_uq UNIQUE NULLS NOT DISTINCT (y) DEFERRABLE;


--
-- Name: dd dd_a_key; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.dd
    ADD CONSTRAINT dd_a_key UNIQUE (a);


--
-- Name: dd dd_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.dd
    ADD CONSTRAINT dd_pkey PRIMARY KEY (id);


--
-- Name: dd named_b; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.dd
    ADD CONSTRAINT named_b UNIQUE (b);


--
-- Name: parent parent_a_b_key; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.parent
    ADD CONSTRAINT parent_a_b_key UNIQUE (a, b);


--
-- Name: parent parent_code_key; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.parent
    ADD CONSTRAINT parent_code_key UNIQUE (code);


--
-- Name: parent parent_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.parent
    ADD CONSTRAINT parent_pkey PRIMARY KEY (id);


--
-- Name: ranges ranges_r_excl; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.ranges
    ADD CONSTRAINT ranges_r_excl EXCLUDE USING gist (r WITH &&);


--
-- Name: ranges ranges_s_expr_excl; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.ranges
    ADD CONSTRAINT ranges_s_expr_excl EXCLUDE USING gist (s WITH &&, ((r + s)) WITH &&) WHERE ((s IS NOT NULL));


--
-- Name: child child_parent_code_fkey; Type: FK CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.child
    ADD CONSTRAINT child_parent_code_fkey FOREIGN KEY (parent_code) REFERENCES public.parent(code) ON UPDATE RESTRICT ON DELETE CASCADE;


--
-- Name: child child_parent_fk2; Type: FK CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.child
    ADD CONSTRAINT child_parent_fk2 FOREIGN KEY (parent_id) REFERENCES public.parent(id) NOT VALID;


--
-- Name: child child_parent_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.child
    ADD CONSTRAINT child_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES public.parent(id);


--
-- Name: child child_x_y_fkey; Type: FK CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.child
    ADD CONSTRAINT child_x_y_fkey FOREIGN KEY (x, y) REFERENCES public.parent(a, b) MATCH FULL ON DELETE SET NULL (x) DEFERRABLE INITIALLY DEFERRED;


--
-- PostgreSQL database dump complete
--


