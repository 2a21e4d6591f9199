-- renovate:renamed-from customers
CREATE TABLE clients (
    id serial,
    name text NOT NULL,
    -- a table rename renames neither its constraints nor its indexes
    CONSTRAINT customers_pkey PRIMARY KEY (id)
);
CREATE INDEX customers_name_idx ON clients (name);
CREATE TABLE orders (
    id integer PRIMARY KEY,
    customer_id integer,
    CONSTRAINT orders_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES clients (id)
);
