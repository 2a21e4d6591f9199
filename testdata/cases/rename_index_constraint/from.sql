CREATE TABLE products (
    id integer,
    sku text,
    price numeric,
    CONSTRAINT products_pk PRIMARY KEY (id),
    CONSTRAINT sku_unique UNIQUE (sku),
    CONSTRAINT price_positive CHECK (price > 0)
);
CREATE INDEX products_price ON products (price);
CREATE TABLE order_lines (
    id integer PRIMARY KEY,
    product_id integer CONSTRAINT order_lines_product REFERENCES products (id)
);
