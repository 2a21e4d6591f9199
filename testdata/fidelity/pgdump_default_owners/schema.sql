-- pg_dump 15 --schema-only in its default form (with ALTER ... OWNER TO
-- and GRANT/REVOKE lines) of a database whose objects belong to
-- dump_owner, not to the role restoring it: a schema, an enum, a domain,
-- a standalone sequence, tables with identity and serial columns, a view,
-- a materialized view, a function and a procedure, grants to dump_reader
-- (column grants included) and PUBLIC's EXECUTE and USAGE revoked. Left
-- as pg_dump wrote it, apart from this comment. renovate reads it (owners
-- = "ignore": the OWNER TO lines are read and left out of the model), it
-- plans empty against the database built from it, and rebuilds it
-- identically but for the owners (owners_ignored).
--
-- PostgreSQL database dump
--

\restrict zT4oYJea0apjUjzF2UlMwAZYIF2BY8m34Z4YSblr09msO0qzMSzK42OhtkyTrt6

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
-- Name: sales; Type: SCHEMA; Schema: -; Owner: dump_owner
--

CREATE SCHEMA sales;


ALTER SCHEMA sales OWNER TO dump_owner;

--
-- Name: amount; Type: DOMAIN; Schema: sales; Owner: dump_owner
--

CREATE DOMAIN sales.amount AS numeric(12,2)
	CONSTRAINT amount_check CHECK ((VALUE >= (0)::numeric));


ALTER DOMAIN sales.amount OWNER TO dump_owner;

--
-- Name: state; Type: TYPE; Schema: sales; Owner: dump_owner
--

CREATE TYPE sales.state AS ENUM (
    'open',
    'paid'
);


ALTER TYPE sales.state OWNER TO dump_owner;

--
-- Name: close_order(integer); Type: PROCEDURE; Schema: sales; Owner: dump_owner
--

CREATE PROCEDURE sales.close_order(IN oid integer)
    LANGUAGE sql
    AS $$UPDATE sales.orders SET st = 'paid' WHERE id = oid$$;


ALTER PROCEDURE sales.close_order(IN oid integer) OWNER TO dump_owner;

--
-- Name: order_total(bigint); Type: FUNCTION; Schema: sales; Owner: dump_owner
--

CREATE FUNCTION sales.order_total(cid bigint) RETURNS numeric
    LANGUAGE sql STABLE
    AS $$SELECT coalesce(sum(total), 0) FROM sales.orders WHERE customer_id = cid$$;


ALTER FUNCTION sales.order_total(cid bigint) OWNER TO dump_owner;

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: customers; Type: TABLE; Schema: sales; Owner: dump_owner
--

CREATE TABLE sales.customers (
    id bigint NOT NULL,
    email text NOT NULL,
    note text
);


ALTER TABLE sales.customers OWNER TO dump_owner;

--
-- Name: customers_id_seq; Type: SEQUENCE; Schema: sales; Owner: dump_owner
--

ALTER TABLE sales.customers ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME sales.customers_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: invoice_no; Type: SEQUENCE; Schema: sales; Owner: dump_owner
--

CREATE SEQUENCE sales.invoice_no
    START WITH 1000
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE sales.invoice_no OWNER TO dump_owner;

--
-- Name: orders; Type: TABLE; Schema: sales; Owner: dump_owner
--

CREATE TABLE sales.orders (
    id integer NOT NULL,
    customer_id bigint NOT NULL,
    st sales.state DEFAULT 'open'::sales.state NOT NULL,
    total sales.amount,
    invoice bigint DEFAULT nextval('sales.invoice_no'::regclass)
);


ALTER TABLE sales.orders OWNER TO dump_owner;

--
-- Name: TABLE orders; Type: COMMENT; Schema: sales; Owner: dump_owner
--

COMMENT ON TABLE sales.orders IS 'orders of customers';


--
-- Name: open_orders; Type: VIEW; Schema: sales; Owner: dump_owner
--

CREATE VIEW sales.open_orders AS
 SELECT orders.id,
    orders.customer_id,
    orders.total
   FROM sales.orders
  WHERE (orders.st = 'open'::sales.state);


ALTER TABLE sales.open_orders OWNER TO dump_owner;

--
-- Name: orders_id_seq; Type: SEQUENCE; Schema: sales; Owner: dump_owner
--

CREATE SEQUENCE sales.orders_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE sales.orders_id_seq OWNER TO dump_owner;

--
-- Name: orders_id_seq; Type: SEQUENCE OWNED BY; Schema: sales; Owner: dump_owner
--

ALTER SEQUENCE sales.orders_id_seq OWNED BY sales.orders.id;


--
-- Name: totals; Type: MATERIALIZED VIEW; Schema: sales; Owner: dump_owner
--

CREATE MATERIALIZED VIEW sales.totals AS
 SELECT orders.customer_id,
    sum((orders.total)::numeric) AS total
   FROM sales.orders
  GROUP BY orders.customer_id
  WITH NO DATA;


ALTER TABLE sales.totals OWNER TO dump_owner;

--
-- Name: orders id; Type: DEFAULT; Schema: sales; Owner: dump_owner
--

ALTER TABLE ONLY sales.orders ALTER COLUMN id SET DEFAULT nextval('sales.orders_id_seq'::regclass);


--
-- Name: customers customers_email_key; Type: CONSTRAINT; Schema: sales; Owner: dump_owner
--

ALTER TABLE ONLY sales.customers
    ADD CONSTRAINT customers_email_key UNIQUE (email);


--
-- Name: customers customers_pkey; Type: CONSTRAINT; Schema: sales; Owner: dump_owner
--

ALTER TABLE ONLY sales.customers
    ADD CONSTRAINT customers_pkey PRIMARY KEY (id);


--
-- Name: orders orders_pkey; Type: CONSTRAINT; Schema: sales; Owner: dump_owner
--

ALTER TABLE ONLY sales.orders
    ADD CONSTRAINT orders_pkey PRIMARY KEY (id);


--
-- Name: orders_customer_idx; Type: INDEX; Schema: sales; Owner: dump_owner
--

CREATE INDEX orders_customer_idx ON sales.orders USING btree (customer_id);


--
-- Name: orders orders_customer_id_fkey; Type: FK CONSTRAINT; Schema: sales; Owner: dump_owner
--

ALTER TABLE ONLY sales.orders
    ADD CONSTRAINT orders_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES sales.customers(id);


--
-- Name: SCHEMA sales; Type: ACL; Schema: -; Owner: dump_owner
--

GRANT USAGE ON SCHEMA sales TO dump_reader;


--
-- Name: TYPE state; Type: ACL; Schema: sales; Owner: dump_owner
--

REVOKE ALL ON TYPE sales.state FROM PUBLIC;
GRANT ALL ON TYPE sales.state TO dump_reader;


--
-- Name: FUNCTION order_total(cid bigint); Type: ACL; Schema: sales; Owner: dump_owner
--

REVOKE ALL ON FUNCTION sales.order_total(cid bigint) FROM PUBLIC;
GRANT ALL ON FUNCTION sales.order_total(cid bigint) TO dump_reader;


--
-- Name: TABLE customers; Type: ACL; Schema: sales; Owner: dump_owner
--

GRANT SELECT ON TABLE sales.customers TO dump_reader;


--
-- Name: COLUMN customers.id; Type: ACL; Schema: sales; Owner: dump_owner
--

GRANT SELECT(id) ON TABLE sales.customers TO dump_reader;


--
-- Name: COLUMN customers.email; Type: ACL; Schema: sales; Owner: dump_owner
--

GRANT SELECT(email) ON TABLE sales.customers TO dump_reader;


--
-- Name: SEQUENCE invoice_no; Type: ACL; Schema: sales; Owner: dump_owner
--

GRANT USAGE ON SEQUENCE sales.invoice_no TO dump_reader;


--
-- Name: TABLE orders; Type: ACL; Schema: sales; Owner: dump_owner
--

GRANT SELECT ON TABLE sales.orders TO dump_reader;


--
-- Name: TABLE open_orders; Type: ACL; Schema: sales; Owner: dump_owner
--

GRANT SELECT ON TABLE sales.open_orders TO dump_reader;


--
-- Name: TABLE totals; Type: ACL; Schema: sales; Owner: dump_owner
--

GRANT SELECT ON TABLE sales.totals TO dump_reader;


--
-- PostgreSQL database dump complete
--

\unrestrict zT4oYJea0apjUjzF2UlMwAZYIF2BY8m34Z4YSblr09msO0qzMSzK42OhtkyTrt6

