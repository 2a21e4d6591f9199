CREATE TABLE products (
    id integer,
    sku text,
    price numeric,
    -- renovate:renamed-from products_pk
    CONSTRAINT products_pkey PRIMARY KEY (id),
    -- renovate:renamed-from sku_unique
    CONSTRAINT "Products SKU" UNIQUE (sku),
    -- renovate:renamed-from price_positive
    CONSTRAINT products_price_check CHECK (price > 0)
);
-- renovate:renamed-from products_price
CREATE INDEX products_price_idx ON products (price);
CREATE TABLE order_lines (
    id integer PRIMARY KEY,
    product_id integer,
    -- renovate:renamed-from order_lines_product
    CONSTRAINT order_lines_product_id_fkey FOREIGN KEY (product_id) REFERENCES products (id)
);
