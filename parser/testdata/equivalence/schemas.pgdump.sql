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

--
-- Name: Audit; Type: SCHEMA; Schema: -; Owner: postgres
--

CREATE SCHEMA "Audit";


ALTER SCHEMA "Audit" OWNER TO postgres;

--
-- Name: app; Type: SCHEMA; Schema: -; Owner: postgres
--

CREATE SCHEMA app;


ALTER SCHEMA app OWNER TO postgres;

--
-- Name: SCHEMA app; Type: COMMENT; Schema: -; Owner: postgres
--

COMMENT ON SCHEMA app IS 'the application';


--
-- Name: citext; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS citext WITH SCHEMA public;


--
-- Name: EXTENSION citext; Type: COMMENT; Schema: -; Owner: 
--

COMMENT ON EXTENSION citext IS 'data type for case-insensitive character strings';


--
-- Name: mood; Type: TYPE; Schema: app; Owner: postgres
--

CREATE TYPE app.mood AS ENUM (
    'sad',
    'ok',
    'happy'
);


ALTER TYPE app.mood OWNER TO postgres;

--
-- Name: TYPE mood; Type: COMMENT; Schema: app; Owner: postgres
--

COMMENT ON TYPE app.mood IS 'how it feels';


--
-- Name: status; Type: TYPE; Schema: public; Owner: postgres
--

CREATE TYPE public.status AS ENUM (
    'new',
    'done'
);


ALTER TYPE public.status OWNER TO postgres;

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: log; Type: TABLE; Schema: Audit; Owner: postgres
--

CREATE TABLE "Audit".log (
    id bigint NOT NULL,
    user_id integer,
    at timestamp with time zone DEFAULT now() NOT NULL
);


ALTER TABLE "Audit".log OWNER TO postgres;

--
-- Name: log_id_seq; Type: SEQUENCE; Schema: Audit; Owner: postgres
--

ALTER TABLE "Audit".log ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME "Audit".log_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: cache; Type: TABLE; Schema: app; Owner: postgres
--

CREATE UNLOGGED TABLE app.cache (
    k text NOT NULL,
    v bytea
);


ALTER TABLE app.cache OWNER TO postgres;

--
-- Name: users; Type: TABLE; Schema: app; Owner: postgres
--

CREATE TABLE app.users (
    id integer NOT NULL,
    email public.citext NOT NULL,
    mood app.mood DEFAULT 'ok'::app.mood,
    st public.status DEFAULT 'new'::public.status
);


ALTER TABLE app.users OWNER TO postgres;

--
-- Name: TABLE users; Type: COMMENT; Schema: app; Owner: postgres
--

COMMENT ON TABLE app.users IS 'people';


--
-- Name: COLUMN users.email; Type: COMMENT; Schema: app; Owner: postgres
--

COMMENT ON COLUMN app.users.email IS 'login';


--
-- Name: users_id_seq; Type: SEQUENCE; Schema: app; Owner: postgres
--

CREATE SEQUENCE app.users_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE app.users_id_seq OWNER TO postgres;

--
-- Name: users_id_seq; Type: SEQUENCE OWNED BY; Schema: app; Owner: postgres
--

ALTER SEQUENCE app.users_id_seq OWNED BY app.users.id;


--
-- Name: SEQUENCE users_id_seq; Type: COMMENT; Schema: app; Owner: postgres
--

COMMENT ON SEQUENCE app.users_id_seq IS 'ids';


--
-- Name: users id; Type: DEFAULT; Schema: app; Owner: postgres
--

ALTER TABLE ONLY app.users ALTER COLUMN id SET DEFAULT nextval('app.users_id_seq'::regclass);


--
-- Name: log log_pkey; Type: CONSTRAINT; Schema: Audit; Owner: postgres
--

ALTER TABLE ONLY "Audit".log
    ADD CONSTRAINT log_pkey PRIMARY KEY (id);


--
-- Name: cache cache_pkey; Type: CONSTRAINT; Schema: app; Owner: postgres
--

ALTER TABLE ONLY app.cache
    ADD CONSTRAINT cache_pkey PRIMARY KEY (k);


--
-- Name: users users_pkey; Type: CONSTRAINT; Schema: app; Owner: postgres
--

ALTER TABLE ONLY app.users
    ADD CONSTRAINT users_pkey PRIMARY KEY (id);


--
-- Name: CONSTRAINT users_pkey ON users; Type: COMMENT; Schema: app; Owner: postgres
--

COMMENT ON CONSTRAINT users_pkey ON app.users IS 'pk';


--
-- Name: log_user_id_idx; Type: INDEX; Schema: Audit; Owner: postgres
--

CREATE INDEX log_user_id_idx ON "Audit".log USING btree (user_id);


--
-- Name: INDEX log_user_id_idx; Type: COMMENT; Schema: Audit; Owner: postgres
--

COMMENT ON INDEX "Audit".log_user_id_idx IS 'by user';


--
-- Name: log log_user_id_fkey; Type: FK CONSTRAINT; Schema: Audit; Owner: postgres
--

ALTER TABLE ONLY "Audit".log
    ADD CONSTRAINT log_user_id_fkey FOREIGN KEY (user_id) REFERENCES app.users(id);


--
-- PostgreSQL database dump complete
--


