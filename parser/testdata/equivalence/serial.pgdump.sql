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
-- Name: Mixed Case; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public."Mixed Case" (
    id bigint NOT NULL
);


ALTER TABLE public."Mixed Case" OWNER TO postgres;

--
-- Name: Mixed Case_id_seq; Type: SEQUENCE; Schema: public; Owner: postgres
--

CREATE SEQUENCE public."Mixed Case_id_seq"
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE public."Mixed Case_id_seq" OWNER TO postgres;

--
-- Name: Mixed Case_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: postgres
--

ALTER SEQUENCE public."Mixed Case_id_seq" OWNED BY public."Mixed Case".id;


--
-- Name: big; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.big (
    id bigint NOT NULL,
    small smallint NOT NULL,
    n integer NOT NULL
);


ALTER TABLE public.big OWNER TO postgres;

--
-- Name: big_id_seq; Type: SEQUENCE; Schema: public; Owner: postgres
--

CREATE SEQUENCE public.big_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE public.big_id_seq OWNER TO postgres;

--
-- Name: big_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: postgres
--

ALTER SEQUENCE public.big_id_seq OWNED BY public.big.id;


--
-- Name: big_n_seq; Type: SEQUENCE; Schema: public; Owner: postgres
--

CREATE SEQUENCE public.big_n_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE public.big_n_seq OWNER TO postgres;

--
-- Name: big_n_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: postgres
--

ALTER SEQUENCE public.big_n_seq OWNED BY public.big.n;


--
-- Name: big_small_seq; Type: SEQUENCE; Schema: public; Owner: postgres
--

CREATE SEQUENCE public.big_small_seq
    AS smallint
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE public.big_small_seq OWNER TO postgres;

--
-- Name: big_small_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: postgres
--

ALTER SEQUENCE public.big_small_seq OWNED BY public.big.small;


--
-- Name: t; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.t (
    id integer NOT NULL,
    name text
);


ALTER TABLE public.t OWNER TO postgres;

--
-- Name: t_id_seq; Type: SEQUENCE; Schema: public; Owner: postgres
--

CREATE SEQUENCE public.t_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE public.t_id_seq OWNER TO postgres;

--
-- Name: t_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: postgres
--

ALTER SEQUENCE public.t_id_seq OWNED BY public.t.id;


--
-- Name: Mixed Case id; Type: DEFAULT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public."Mixed Case" ALTER COLUMN id SET DEFAULT nextval('public."Mixed Case_id_seq"'::regclass);


--
-- Name: big id; Type: DEFAULT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.big ALTER COLUMN id SET DEFAULT nextval('public.big_id_seq'::regclass);


--
-- Name: big small; Type: DEFAULT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.big ALTER COLUMN small SET DEFAULT nextval('public.big_small_seq'::regclass);


--
-- Name: big n; Type: DEFAULT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.big ALTER COLUMN n SET DEFAULT nextval('public.big_n_seq'::regclass);


--
-- Name: t id; Type: DEFAULT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.t ALTER COLUMN id SET DEFAULT nextval('public.t_id_seq'::regclass);


--
-- Name: big big_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.big
    ADD CONSTRAINT big_pkey PRIMARY KEY (id);


--
-- Name: t t_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.t
    ADD CONSTRAINT t_pkey PRIMARY KEY (id);


--
-- PostgreSQL database dump complete
--


