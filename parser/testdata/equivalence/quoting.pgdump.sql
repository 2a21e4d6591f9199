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
-- Name: Weird Schema; Type: SCHEMA; Schema: -; Owner: postgres
--

CREATE SCHEMA "Weird Schema";


ALTER SCHEMA "Weird Schema" OWNER TO postgres;

--
-- Name: Mood Type; Type: TYPE; Schema: Weird Schema; Owner: postgres
--

CREATE TYPE "Weird Schema"."Mood Type" AS ENUM (
    'a b',
    'it''s',
    'Ünï'
);


ALTER TYPE "Weird Schema"."Mood Type" OWNER TO postgres;

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: User Table; Type: TABLE; Schema: Weird Schema; Owner: postgres
--

CREATE TABLE "Weird Schema"."User Table" (
    "ID" integer NOT NULL,
    "select" text NOT NULL,
    "from" integer,
    "col""quote" integer,
    mood "Weird Schema"."Mood Type" DEFAULT 'a b'::"Weird Schema"."Mood Type",
    "naïve" text COLLATE pg_catalog."C",
    "user" integer,
    "order" integer,
    "Mixed" integer,
    CONSTRAINT "Order Check" CHECK (("order" <> "user")),
    CONSTRAINT "User Table_from_check" CHECK (("from" > 0))
);


ALTER TABLE "Weird Schema"."User Table" OWNER TO postgres;

--
-- Name: COLUMN "User Table"."col""quote"; Type: COMMENT; Schema: Weird Schema; Owner: postgres
--

COMMENT ON COLUMN "Weird Schema"."User Table"."col""quote" IS 'a "quoted" column';


--
-- Name: User Table_ID_seq; Type: SEQUENCE; Schema: Weird Schema; Owner: postgres
--

CREATE SEQUENCE "Weird Schema"."User Table_ID_seq"
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE "Weird Schema"."User Table_ID_seq" OWNER TO postgres;

--
-- Name: User Table_ID_seq; Type: SEQUENCE OWNED BY; Schema: Weird Schema; Owner: postgres
--

ALTER SEQUENCE "Weird Schema"."User Table_ID_seq" OWNED BY "Weird Schema"."User Table"."ID";


--
-- Name: Ünïcödé; Type: TABLE; Schema: Weird Schema; Owner: postgres
--

CREATE TABLE "Weird Schema"."Ünïcödé" (
    "日本" integer NOT NULL,
    ref integer
);


ALTER TABLE "Weird Schema"."Ünïcödé" OWNER TO postgres;

--
-- Name: group; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public."group" (
    "table" integer NOT NULL,
    "column" text
);


ALTER TABLE public."group" OWNER TO postgres;

--
-- Name: User Table ID; Type: DEFAULT; Schema: Weird Schema; Owner: postgres
--

ALTER TABLE ONLY "Weird Schema"."User Table" ALTER COLUMN "ID" SET DEFAULT nextval('"Weird Schema"."User Table_ID_seq"'::regclass);


--
-- Name: User Table User Table_col"quote_key; Type: CONSTRAINT; Schema: Weird Schema; Owner: postgres
--

ALTER TABLE ONLY "Weird Schema"."User Table"
    ADD CONSTRAINT "User Table_col""quote_key" UNIQUE ("col""quote");


--
-- Name: User Table User Table_pkey; Type: CONSTRAINT; Schema: Weird Schema; Owner: postgres
--

ALTER TABLE ONLY "Weird Schema"."User Table"
    ADD CONSTRAINT "User Table_pkey" PRIMARY KEY ("ID");


--
-- Name: Ünïcödé Ünïcödé_pkey; Type: CONSTRAINT; Schema: Weird Schema; Owner: postgres
--

ALTER TABLE ONLY "Weird Schema"."Ünïcödé"
    ADD CONSTRAINT "Ünïcödé_pkey" PRIMARY KEY ("日本");


--
-- Name: group group_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public."group"
    ADD CONSTRAINT group_pkey PRIMARY KEY ("table");


--
-- Name: Idx With Space; Type: INDEX; Schema: Weird Schema; Owner: postgres
--

CREATE INDEX "Idx With Space" ON "Weird Schema"."User Table" USING btree ("select", "from" DESC);


--
-- Name: User Table_lower_idx; Type: INDEX; Schema: Weird Schema; Owner: postgres
--

CREATE INDEX "User Table_lower_idx" ON "Weird Schema"."User Table" USING btree (lower("select"));


--
-- Name: Ünïcödé Ünïcödé_ref_fkey; Type: FK CONSTRAINT; Schema: Weird Schema; Owner: postgres
--

ALTER TABLE ONLY "Weird Schema"."Ünïcödé"
    ADD CONSTRAINT "Ünïcödé_ref_fkey" FOREIGN KEY (ref) REFERENCES "Weird Schema"."User Table"("ID");


--
-- PostgreSQL database dump complete
--


