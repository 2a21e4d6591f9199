-- renovate:renamed-from customers
CREATE TABLE clients (
    id integer PRIMARY KEY,
    -- renovate:renamed-from full_name
    name text NOT NULL,
    city text
);

-- The views follow the renames (PostgreSQL tracks them by OID): nothing
-- to recreate. The first keeps its output column's old name.
CREATE VIEW customer_names AS SELECT id, name AS full_name FROM clients;
CREATE VIEW customers_by_city AS SELECT c.city, count(*) AS n FROM clients c GROUP BY c.city;
CREATE MATERIALIZED VIEW customer_cities AS SELECT DISTINCT city FROM clients;
