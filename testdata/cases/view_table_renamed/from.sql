CREATE TABLE customers (
    id integer PRIMARY KEY,
    full_name text NOT NULL,
    city text
);

CREATE VIEW customer_names AS SELECT id, full_name FROM customers;
CREATE VIEW customers_by_city AS SELECT c.city, count(*) AS n FROM customers c GROUP BY c.city;
CREATE MATERIALIZED VIEW customer_cities AS SELECT DISTINCT city FROM customers;
