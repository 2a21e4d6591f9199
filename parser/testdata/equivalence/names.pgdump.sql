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
    t2_id integer,
    CONSTRAINT t_check CHECK ((a > b)),
    CONSTRAINT t_check1 CHECK ((a < (b + 10)))
);


ALTER TABLE public.t OWNER TO postgres;

--
-- Name: t2; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.t2 (
    x integer NOT NULL
);


ALTER TABLE public.t2 OWNER TO postgres;

--
-- Name: t3; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.t3 (
    id integer NOT NULL,
    t3_id_seq integer
);


ALTER TABLE public.t3 OWNER TO postgres;

--
-- Name: t3_id_seq; Type: SEQUENCE; Schema: public; Owner: postgres
--

CREATE SEQUENCE public.t3_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE public.t3_id_seq OWNER TO postgres;

--
-- Name: t3_id_seq1; Type: SEQUENCE; Schema: public; Owner: postgres
--

CREATE SEQUENCE public.t3_id_seq1
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE public.t3_id_seq1 OWNER TO postgres;

--
-- Name: t3_id_seq1; Type: SEQUENCE OWNED BY; Schema: public; Owner: postgres
--

ALTER SEQUENCE public.t3_id_seq1 OWNED BY public.t3.id;


--
-- Name: this_is_a_very_long_table_name_that_goes_on_and_on_and_on_forev; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.this_is_a_very_long_table_name_that_goes_on_and_on_and_on_forev (
    id integer NOT NULL,
    this_is_also_a_very_long_column_name_that_will_need_truncation integer,
    b integer,
    c integer,
    CONSTRAINT this_is_a_very_long_table_name_that_goes_on_and_on_and__b_check CHECK ((b > 0)),
    CONSTRAINT this_is_a_very_long_table_name_that_goes_on_and_on_and__c_check CHECK ((c > 0)),
    CONSTRAINT this_is_a_very_long_table_name_that_goes_on_and_on_and_c_check1 CHECK ((c < 100))
);


ALTER TABLE public.this_is_a_very_long_table_name_that_goes_on_and_on_and_on_forev OWNER TO postgres;

--
-- Name: this_is_a_very_long_table_name_that_goes_on_and_on_and_o_id_seq; Type: SEQUENCE; Schema: public; Owner: postgres
--

CREATE SEQUENCE public.this_is_a_very_long_table_name_that_goes_on_and_on_and_o_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE public.this_is_a_very_long_table_name_that_goes_on_and_on_and_o_id_seq OWNER TO postgres;

--
-- Name: this_is_a_very_long_table_name_that_goes_on_and_on_and_o_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: postgres
--

ALTER SEQUENCE public.this_is_a_very_long_table_name_that_goes_on_and_on_and_o_id_seq OWNED BY public.this_is_a_very_long_table_name_that_goes_on_and_on_and_on_forev.id;


--
-- Name: äääääääääääääääääääääääääääääää; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public."äääääääääääääääääääääääääääääää" (
    "öööööööööööööööööööööööööööö" integer NOT NULL
);


ALTER TABLE public."äääääääääääääääääääääääääääääää" OWNER TO postgres;

--
-- Name: ääääääääääääää_öööööööööööööö_seq; Type: SEQUENCE; Schema: public; Owner: postgres
--

CREATE SEQUENCE public."ääääääääääääää_öööööööööööööö_seq"
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE public."ääääääääääääää_öööööööööööööö_seq" OWNER TO postgres;

--
-- Name: ääääääääääääää_öööööööööööööö_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: postgres
--

ALTER SEQUENCE public."ääääääääääääää_öööööööööööööö_seq" OWNED BY public."äääääääääääääääääääääääääääääää"."öööööööööööööööööööööööööööö";


--
-- Name: t3 id; Type: DEFAULT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.t3 ALTER COLUMN id SET DEFAULT nextval('public.t3_id_seq1'::regclass);


--
-- Name: this_is_a_very_long_table_name_that_goes_on_and_on_and_on_forev id; Type: DEFAULT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.this_is_a_very_long_table_name_that_goes_on_and_on_and_on_forev ALTER COLUMN id SET DEFAULT nextval('public.this_is_a_very_long_table_name_that_goes_on_and_on_and_o_id_seq'::regclass);


--
-- Name: äääääääääääääääääääääääääääääää öööööööööööööööööööööööööööö; Type: DEFAULT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public."äääääääääääääääääääääääääääääää" ALTER COLUMN "öööööööööööööööööööööööööööö" SET DEFAULT nextval('public."ääääääääääääää_öööööööööööööö_seq"'::regclass);


--
-- Name: t2 t2_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.t2
    ADD CONSTRAINT t2_pkey PRIMARY KEY (x);


--
-- Name: t t_a_b_key; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.t
    ADD CONSTRAINT t_a_b_key UNIQUE (a, b);


--
-- Name: t t_a_key; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.t
    ADD CONSTRAINT t_a_key UNIQUE (a);


--
-- Name: this_is_a_very_long_table_name_that_goes_on_and_on_and_on_forev this_is_a_very_long_table_nam_this_is_also_a_very_long_colu_key; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.this_is_a_very_long_table_name_that_goes_on_and_on_and_on_forev
    ADD CONSTRAINT this_is_a_very_long_table_nam_this_is_also_a_very_long_colu_key UNIQUE (this_is_also_a_very_long_column_name_that_will_need_truncation);


--
-- Name: this_is_a_very_long_table_name_that_goes_on_and_on_and_on_forev this_is_a_very_long_table_name_that_goes_on_and_on_and__b_c_key; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.this_is_a_very_long_table_name_that_goes_on_and_on_and_on_forev
    ADD CONSTRAINT this_is_a_very_long_table_name_that_goes_on_and_on_and__b_c_key UNIQUE (b, c);


--
-- Name: this_is_a_very_long_table_name_that_goes_on_and_on_and_on_forev this_is_a_very_long_table_name_that_goes_on_and_on_and__c_b_key; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.this_is_a_very_long_table_name_that_goes_on_and_on_and_on_forev
    ADD CONSTRAINT this_is_a_very_long_table_name_that_goes_on_and_on_and__c_b_key UNIQUE (c, b);


--
-- Name: this_is_a_very_long_table_name_that_goes_on_and_on_and_on_forev this_is_a_very_long_table_name_that_goes_on_and_on_and_on__pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.this_is_a_very_long_table_name_that_goes_on_and_on_and_on_forev
    ADD CONSTRAINT this_is_a_very_long_table_name_that_goes_on_and_on_and_on__pkey PRIMARY KEY (id);


--
-- Name: t_a_idx; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX t_a_idx ON public.t USING btree (a);


--
-- Name: t_a_idx1; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX t_a_idx1 ON public.t USING btree (a);


--
-- Name: t t_t2_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.t
    ADD CONSTRAINT t_t2_id_fkey FOREIGN KEY (t2_id) REFERENCES public.t2(x);


--
-- PostgreSQL database dump complete
--


