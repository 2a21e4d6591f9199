-- Foreign data: a wrapper of the database's own, servers of postgres_fdw
-- with user mappings (a password given as an environment reference), and
-- foreign tables with column options, defaults, NOT NULL and CHECKs.
CREATE EXTENSION postgres_fdw;

CREATE FOREIGN DATA WRAPPER bare_fdw OPTIONS (mode 'test');
COMMENT ON FOREIGN DATA WRAPPER bare_fdw IS 'a wrapper without handler';

CREATE SERVER warehouse TYPE 'postgresql' VERSION '15' FOREIGN DATA WRAPPER postgres_fdw
    OPTIONS (host 'warehouse.internal', port '5432', dbname 'wh');
COMMENT ON SERVER warehouse IS 'the warehouse';
CREATE USER MAPPING FOR PUBLIC SERVER warehouse OPTIONS (user 'reader', password '{{env.RENOVATE_WAREHOUSE_PUBLIC_PASSWORD}}');
CREATE SERVER bare FOREIGN DATA WRAPPER bare_fdw;

CREATE SCHEMA remote;
CREATE FOREIGN TABLE remote.stock (
    sku text OPTIONS (column_name 'stock_sku') NOT NULL,
    qty integer DEFAULT 0 CHECK (qty >= 0),
    "Note" text COLLATE "C"
) SERVER warehouse OPTIONS (schema_name 'inventory', table_name 'stock');
COMMENT ON FOREIGN TABLE remote.stock IS 'live stock';
COMMENT ON COLUMN remote.stock.qty IS 'units';
GRANT SELECT ON remote.stock TO PUBLIC;

CREATE VIEW remote.low_stock AS SELECT sku FROM remote.stock WHERE qty < 5;
