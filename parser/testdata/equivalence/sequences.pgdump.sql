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
-- Name: owner_t; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.owner_t (
    id integer
);


ALTER TABLE public.owner_t OWNER TO postgres;

--
-- Name: s1; Type: SEQUENCE; Schema: public; Owner: postgres
--

CREATE SEQUENCE public.s1
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE public.s1 OWNER TO postgres;

--
-- Name: SEQUENCE s1; Type: COMMENT; Schema: public; Owner: postgres
--

COMMENT ON SEQUENCE public.s1 IS 'first';


--
-- Name: s2; Type: SEQUENCE; Schema: public; Owner: postgres
--

CREATE SEQUENCE public.s2
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE public.s2 OWNER TO postgres;

--
-- Name: s3; Type: SEQUENCE; Schema: public; Owner: postgres
--

CREATE SEQUENCE public.s3
    AS smallint
    START WITH -1
    INCREMENT BY -1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE public.s3 OWNER TO postgres;

--
-- Name: s4; Type: SEQUENCE; Schema: public; Owner: postgres
--

CREATE SEQUENCE public.s4
    START WITH 20
    INCREMENT BY 5
    MINVALUE 10
    MAXVALUE 1000
    CACHE 10
    CYCLE;


ALTER TABLE public.s4 OWNER TO postgres;

--
-- Name: s5; Type: SEQUENCE; Schema: public; Owner: postgres
--

CREATE SEQUENCE public.s5
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE public.s5 OWNER TO postgres;

--
-- Name: s6; Type: SEQUENCE; Schema: public; Owner: postgres
--

CREATE SEQUENCE public.s6
    START WITH -10
    INCREMENT BY -3
    MINVALUE -100
    MAXVALUE -10
    CACHE 1;


ALTER TABLE public.s6 OWNER TO postgres;

--
-- Name: s7; Type: SEQUENCE; Schema: public; Owner: postgres
--

CREATE SEQUENCE public.s7
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE public.s7 OWNER TO postgres;

--
-- Name: s7; Type: SEQUENCE OWNED BY; Schema: public; Owner: postgres
--

ALTER SEQUENCE public.s7 OWNED BY public.owner_t.id;


--
-- Name: s8; Type: SEQUENCE; Schema: public; Owner: postgres
--

CREATE SEQUENCE public.s8
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE public.s8 OWNER TO postgres;

--
-- Name: s8; Type: SEQUENCE OWNED BY; Schema: public; Owner: postgres
--

ALTER SEQUENCE public.s8 OWNED BY public.owner_t.id;


--
-- PostgreSQL database dump complete
--


