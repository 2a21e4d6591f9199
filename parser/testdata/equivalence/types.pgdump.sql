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
-- Name: types; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.types (
    a integer,
    b integer,
    c integer,
    d bigint,
    e bigint,
    f smallint,
    g smallint,
    h double precision,
    i real,
    j double precision,
    k real,
    l double precision,
    m double precision,
    n real,
    o boolean,
    p boolean,
    q character varying(10),
    r character varying,
    s character varying(5),
    t character(1),
    u character(3),
    v character(4),
    w bpchar,
    x numeric,
    y numeric(10,2),
    z numeric(5,0),
    aa numeric,
    ab numeric(3,1),
    ac timestamp without time zone,
    ad timestamp(3) without time zone,
    ae timestamp with time zone,
    af timestamp(2) with time zone,
    ag timestamp without time zone,
    ah time without time zone,
    ai time(3) without time zone,
    aj time with time zone,
    ak time with time zone,
    al time(2) without time zone,
    am time(4) with time zone,
    an interval,
    ao interval(3),
    ap interval day to second(3),
    aq interval year,
    ar interval hour to minute,
    as_ interval second(2),
    at bit(1),
    au bit(5),
    av bit varying,
    aw bit varying(8),
    ax bit varying(3),
    ay "char",
    az text,
    ba uuid,
    bb jsonb,
    bc json,
    bd bytea,
    be inet,
    bf cidr,
    bg date,
    bh money,
    bi tsvector,
    bj oid,
    bk regclass,
    bl integer[],
    bm integer[],
    bn integer[],
    bo text[],
    bp integer[],
    bq integer,
    br character varying(3),
    bs character varying(10)[],
    bt xml,
    bu point,
    bv int4range,
    bw macaddr,
    bx name,
    by text,
    bz character varying(7),
    ca character varying(2),
    cb numeric(7,0)[],
    cc timestamp(6) without time zone
);


ALTER TABLE public.types OWNER TO postgres;

--
-- PostgreSQL database dump complete
--


