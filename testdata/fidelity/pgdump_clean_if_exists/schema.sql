-- pg_dump 15.18 --schema-only --clean --if-exists --no-owner --no-privileges
-- of a database with: serial and bigserial columns, an enum, a NOT VALID
-- foreign key and a validated check, a renamed unique constraint, a view
-- pg_dump makes in two steps (GROUP BY a primary key; in public, so that
-- the clean section also runs on an empty database under psql -v
-- ON_ERROR_STOP=1), views and an index predicate with nested AND/OR and
-- BETWEEN, a domain over a table's row type and a table using it, a
-- generated column inherited by a child made with INHERITS and by one
-- attached with ALTER TABLE ... INHERIT. Left as pg_dump wrote it
-- (\restrict lines and the clean section included), apart from this
-- comment. It must plan empty against the database built from it, and
-- rebuild identically.
--
-- PostgreSQL database dump
--

\restrict mTBKxsFdXn4rI1IIhgZGjQRvf5WUk57mz8Oxp0VAg1tlRjdatiOhoTpTXZajdRY

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

ALTER TABLE IF EXISTS ONLY app.orders DROP CONSTRAINT IF EXISTS orders_customer_fk;
CREATE OR REPLACE VIEW public.customer_totals AS
SELECT
    NULL::integer AS id,
    NULL::text AS email,
    NULL::numeric AS total;
DROP INDEX IF EXISTS app.orders_open_idx;
ALTER TABLE IF EXISTS ONLY app.orders DROP CONSTRAINT IF EXISTS orders_pkey;
ALTER TABLE IF EXISTS ONLY app.customers DROP CONSTRAINT IF EXISTS customers_pkey;
ALTER TABLE IF EXISTS ONLY app.customers DROP CONSTRAINT IF EXISTS customers_email_unique;
ALTER TABLE IF EXISTS app.orders ALTER COLUMN id DROP DEFAULT;
ALTER TABLE IF EXISTS app.customers ALTER COLUMN id DROP DEFAULT;
DROP VIEW IF EXISTS public.customer_totals;
DROP TABLE IF EXISTS app.snapshots;
DROP TABLE IF EXISTS app.readings;
DROP SEQUENCE IF EXISTS app.orders_id_seq;
DROP VIEW IF EXISTS app.nested_or;
DROP TABLE IF EXISTS app.measurements_2026;
DROP TABLE IF EXISTS app.measurements;
DROP SEQUENCE IF EXISTS app.customers_id_seq;
DROP VIEW IF EXISTS app.big_paid;
DROP TABLE IF EXISTS app.orders;
DROP FUNCTION IF EXISTS app.order_count(cid integer);
DROP TYPE IF EXISTS app.status;
DROP DOMAIN IF EXISTS app.customer_row;
DROP TABLE IF EXISTS app.customers;
DROP SCHEMA IF EXISTS app;
--
-- Name: app; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA app;


SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: customers; Type: TABLE; Schema: app; Owner: -
--

CREATE TABLE app.customers (
    id integer NOT NULL,
    email text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Name: customer_row; Type: DOMAIN; Schema: app; Owner: -
--

CREATE DOMAIN app.customer_row AS app.customers;


--
-- Name: status; Type: TYPE; Schema: app; Owner: -
--

CREATE TYPE app.status AS ENUM (
    'new',
    'paid',
    'shipped'
);


--
-- Name: order_count(integer); Type: FUNCTION; Schema: app; Owner: -
--

CREATE FUNCTION app.order_count(cid integer) RETURNS bigint
    LANGUAGE sql STABLE
    AS $$SELECT count(*) FROM app.orders WHERE customer_id = cid$$;


--
-- Name: orders; Type: TABLE; Schema: app; Owner: -
--

CREATE TABLE app.orders (
    id bigint NOT NULL,
    customer_id integer NOT NULL,
    status app.status DEFAULT 'new'::app.status NOT NULL,
    total numeric(10,2) DEFAULT 0 NOT NULL,
    note text,
    CONSTRAINT orders_note_check CHECK (((note IS NULL) OR ((length(note) >= 1) AND (length(note) <= 500)))),
    CONSTRAINT orders_total_check CHECK (((total >= (0)::numeric) AND ((total < (100000)::numeric) OR (status = 'paid'::app.status))))
);


--
-- Name: TABLE orders; Type: COMMENT; Schema: app; Owner: -
--

COMMENT ON TABLE app.orders IS 'one row per order';


--
-- Name: big_paid; Type: VIEW; Schema: app; Owner: -
--

CREATE VIEW app.big_paid AS
 SELECT orders.id,
    orders.total
   FROM app.orders
  WHERE ((orders.status = 'paid'::app.status) AND ((orders.total > (1000)::numeric) AND ((orders.note IS NOT NULL) OR ((orders.customer_id >= 1) AND (orders.customer_id <= (10 + 5))))));


--
-- Name: customers_id_seq; Type: SEQUENCE; Schema: app; Owner: -
--

CREATE SEQUENCE app.customers_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: customers_id_seq; Type: SEQUENCE OWNED BY; Schema: app; Owner: -
--

ALTER SEQUENCE app.customers_id_seq OWNED BY app.customers.id;


--
-- Name: measurements; Type: TABLE; Schema: app; Owner: -
--

CREATE TABLE app.measurements (
    x integer,
    doubled integer GENERATED ALWAYS AS ((x * 2)) STORED
);


--
-- Name: measurements_2026; Type: TABLE; Schema: app; Owner: -
--

CREATE TABLE app.measurements_2026 (
)
INHERITS (app.measurements);


--
-- Name: nested_or; Type: VIEW; Schema: app; Owner: -
--

CREATE VIEW app.nested_or AS
 SELECT customers.id
   FROM app.customers
  WHERE ((customers.id = 1) OR ((customers.id = 2) OR (((customers.id >= 3) AND (customers.id <= 4)) AND (customers.email IS NOT NULL))));


--
-- Name: orders_id_seq; Type: SEQUENCE; Schema: app; Owner: -
--

CREATE SEQUENCE app.orders_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: orders_id_seq; Type: SEQUENCE OWNED BY; Schema: app; Owner: -
--

ALTER SEQUENCE app.orders_id_seq OWNED BY app.orders.id;


--
-- Name: readings; Type: TABLE; Schema: app; Owner: -
--

CREATE TABLE app.readings (
    x integer,
    doubled integer,
    source text
)
INHERITS (app.measurements);


--
-- Name: snapshots; Type: TABLE; Schema: app; Owner: -
--

CREATE TABLE app.snapshots (
    taken_at timestamp with time zone DEFAULT now(),
    customer app.customer_row
);


--
-- Name: customer_totals; Type: VIEW; Schema: public; Owner: -
--

CREATE VIEW public.customer_totals AS
SELECT
    NULL::integer AS id,
    NULL::text AS email,
    NULL::numeric AS total;


--
-- Name: VIEW customer_totals; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON VIEW public.customer_totals IS 'made in two steps by pg_dump --clean';


--
-- Name: customers id; Type: DEFAULT; Schema: app; Owner: -
--

ALTER TABLE ONLY app.customers ALTER COLUMN id SET DEFAULT nextval('app.customers_id_seq'::regclass);


--
-- Name: orders id; Type: DEFAULT; Schema: app; Owner: -
--

ALTER TABLE ONLY app.orders ALTER COLUMN id SET DEFAULT nextval('app.orders_id_seq'::regclass);


--
-- Name: customers customers_email_unique; Type: CONSTRAINT; Schema: app; Owner: -
--

ALTER TABLE ONLY app.customers
    ADD CONSTRAINT customers_email_unique UNIQUE (email);


--
-- Name: customers customers_pkey; Type: CONSTRAINT; Schema: app; Owner: -
--

ALTER TABLE ONLY app.customers
    ADD CONSTRAINT customers_pkey PRIMARY KEY (id);


--
-- Name: orders orders_pkey; Type: CONSTRAINT; Schema: app; Owner: -
--

ALTER TABLE ONLY app.orders
    ADD CONSTRAINT orders_pkey PRIMARY KEY (id);


--
-- Name: orders_open_idx; Type: INDEX; Schema: app; Owner: -
--

CREATE INDEX orders_open_idx ON app.orders USING btree (customer_id) WHERE ((status = 'new'::app.status) AND ((total > (0)::numeric) AND (note IS NULL)));


--
-- Name: customer_totals _RETURN; Type: RULE; Schema: public; Owner: -
--

CREATE OR REPLACE VIEW public.customer_totals AS
 SELECT c.id,
    c.email,
    sum(o.total) AS total
   FROM (app.customers c
     LEFT JOIN app.orders o ON ((o.customer_id = c.id)))
  GROUP BY c.id;


--
-- Name: orders orders_customer_fk; Type: FK CONSTRAINT; Schema: app; Owner: -
--

ALTER TABLE ONLY app.orders
    ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES app.customers(id) NOT VALID;


--
-- PostgreSQL database dump complete
--

\unrestrict mTBKxsFdXn4rI1IIhgZGjQRvf5WUk57mz8Oxp0VAg1tlRjdatiOhoTpTXZajdRY

