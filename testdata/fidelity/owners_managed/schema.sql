--
-- A pg_dump-style schema whose objects belong to several roles, built with
-- owners = "manage": every kind that has an owner says it with ALTER ...
-- OWNER TO, as pg_dump writes it.
--

CREATE SCHEMA shop;
ALTER SCHEMA shop OWNER TO fid_own_app;

CREATE TYPE shop.status AS ENUM ('open', 'paid', 'shipped');
ALTER TYPE shop.status OWNER TO fid_own_app;

CREATE DOMAIN shop.price AS numeric(10,2) CONSTRAINT price_check CHECK (VALUE >= 0);
ALTER DOMAIN shop.price OWNER TO fid_own_app;

CREATE COLLATION shop.bytewise (provider = libc, locale = 'C');
ALTER COLLATION shop.bytewise OWNER TO fid_own_app;

CREATE FUNCTION shop.add_price(a numeric, b numeric) RETURNS numeric
    LANGUAGE sql IMMUTABLE
    AS $$SELECT a + b$$;
ALTER FUNCTION shop.add_price(a numeric, b numeric) OWNER TO fid_own_app;

CREATE AGGREGATE shop.sum_price(numeric) (
    SFUNC = shop.add_price,
    STYPE = numeric,
    INITCOND = '0'
);
ALTER AGGREGATE shop.sum_price(numeric) OWNER TO fid_own_app;
GRANT ALL ON FUNCTION shop.sum_price(numeric) TO fid_own_reader;

CREATE FUNCTION shop.near(a integer, b integer) RETURNS boolean
    LANGUAGE sql IMMUTABLE
    AS $$SELECT abs(a - b) <= 1$$;
ALTER FUNCTION shop.near(a integer, b integer) OWNER TO fid_own_app;

CREATE OPERATOR shop.~~~ (
    FUNCTION = shop.near,
    LEFTARG = integer,
    RIGHTARG = integer
);
ALTER OPERATOR shop.~~~ (integer, integer) OWNER TO fid_own_app;

CREATE OPERATOR FAMILY shop.int_hash_ops USING hash;
ALTER OPERATOR FAMILY shop.int_hash_ops USING hash OWNER TO fid_own_app;

CREATE OPERATOR CLASS shop.int_hash_ops
    FOR TYPE integer USING hash FAMILY shop.int_hash_ops AS
    OPERATOR 1 =(integer,integer) ,
    FUNCTION 1 (integer, integer) hashint4(integer);
ALTER OPERATOR CLASS shop.int_hash_ops USING hash OWNER TO fid_own_app;

CREATE TEXT SEARCH DICTIONARY shop.plain (
    TEMPLATE = pg_catalog.simple );
ALTER TEXT SEARCH DICTIONARY shop.plain OWNER TO fid_own_app;

CREATE TEXT SEARCH CONFIGURATION shop.plain (
    PARSER = pg_catalog."default" );
ALTER TEXT SEARCH CONFIGURATION shop.plain
    ADD MAPPING FOR asciiword WITH shop.plain;
ALTER TEXT SEARCH CONFIGURATION shop.plain OWNER TO fid_own_app;

CREATE SEQUENCE shop.order_no
    START WITH 1000
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;
ALTER SEQUENCE shop.order_no OWNER TO fid_own_app;

CREATE TABLE shop.orders (
    id bigint NOT NULL,
    status shop.status NOT NULL,
    total shop.price,
    code text COLLATE shop.bytewise
);
ALTER TABLE shop.orders OWNER TO fid_own_app;

ALTER TABLE shop.orders ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME shop.orders_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

ALTER TABLE ONLY shop.orders
    ADD CONSTRAINT orders_pkey PRIMARY KEY (id);

CREATE STATISTICS shop.orders_status_total ON status, total FROM shop.orders;
ALTER STATISTICS shop.orders_status_total OWNER TO fid_own_app;

GRANT SELECT ON TABLE shop.orders TO fid_own_reader;

CREATE VIEW shop.open_orders AS
 SELECT id, total FROM shop.orders WHERE status = 'open'::shop.status;
ALTER VIEW shop.open_orders OWNER TO fid_own_app;

CREATE PUBLICATION shop_orders WITH (publish = 'insert, update, delete, truncate');
ALTER PUBLICATION shop_orders OWNER TO fid_own_app;

ALTER PUBLICATION shop_orders ADD TABLE ONLY shop.orders;

CREATE FUNCTION shop.on_drop() RETURNS event_trigger
    LANGUAGE plpgsql
    AS $$BEGIN END$$;
ALTER FUNCTION shop.on_drop() OWNER TO fid_own_admin;

CREATE EVENT TRIGGER shop_on_drop ON sql_drop
   EXECUTE FUNCTION shop.on_drop();
ALTER EVENT TRIGGER shop_on_drop OWNER TO fid_own_admin;

CREATE FOREIGN DATA WRAPPER shop_fdw;
ALTER FOREIGN DATA WRAPPER shop_fdw OWNER TO fid_own_admin;

CREATE SERVER shop_archive FOREIGN DATA WRAPPER shop_fdw;
ALTER SERVER shop_archive OWNER TO fid_own_app;

CREATE FOREIGN TABLE shop.archived_orders (
    id bigint,
    total numeric
)
SERVER shop_archive;
ALTER FOREIGN TABLE shop.archived_orders OWNER TO fid_own_app;
