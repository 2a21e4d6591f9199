CREATE TABLE customers (
    id serial PRIMARY KEY,
    name text NOT NULL
);
CREATE INDEX customers_name_idx ON customers (name);
CREATE TABLE orders (
    id integer PRIMARY KEY,
    customer_id integer REFERENCES customers (id)
);
