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
-- Name: d; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.d (
    id integer NOT NULL,
    a integer DEFAULT 0,
    b integer DEFAULT 1 NOT NULL,
    c text DEFAULT 'x'::text,
    d timestamp with time zone DEFAULT now(),
    e timestamp without time zone DEFAULT CURRENT_TIMESTAMP,
    f boolean DEFAULT true,
    g numeric(10,2) DEFAULT 0.0,
    h text[] DEFAULT '{}'::text[],
    i jsonb DEFAULT '{}'::jsonb,
    j integer,
    k integer,
    l integer GENERATED ALWAYS AS ((a * 2)) STORED,
    m text,
    n date DEFAULT CURRENT_DATE,
    o integer,
    CONSTRAINT d_check CHECK ((a > o)),
    CONSTRAINT d_check1 CHECK (true),
    CONSTRAINT d_id_check CHECK ((id > 0)),
    CONSTRAINT d_j_check CHECK ((j > 0)) NO INHERIT,
    CONSTRAINT d_m_check CHECK ((m <> ''::text)),
    CONSTRAINT d_m_check1 CHECK ((length(m) < 10)),
    CONSTRAINT named_check CHECK ((((a > 0) AND (o < 100)) OR (a IS NULL)))
);


ALTER TABLE public.d OWNER TO postgres;

--
-- Name: d d_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.d
    ADD CONSTRAINT d_pkey PRIMARY KEY (id);


--
-- PostgreSQL database dump complete
--


