-- An online shop: catalogue, carts, orders and invoices, with a
-- materialized sales summary, procedures and exclusion constraints.
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE SCHEMA shop;
CREATE SCHEMA billing;

CREATE COLLATION shop.natural_sort (provider = icu, locale = 'en-u-kn-true');
CREATE TYPE shop.order_status AS ENUM ('new', 'paid', 'shipped', 'cancelled');
CREATE TYPE billing.price_range AS RANGE (subtype = numeric);
CREATE SEQUENCE billing.invoice_no AS integer START WITH 1000 MAXVALUE 99999999 CACHE 20;

CREATE TABLE shop.categories (
    id integer PRIMARY KEY,
    parent_id integer REFERENCES shop.categories,
    name text COLLATE shop.natural_sort NOT NULL
);

CREATE TABLE shop.products (
    sku varchar(32) PRIMARY KEY,
    category_id integer NOT NULL REFERENCES shop.categories ON UPDATE CASCADE,
    name text NOT NULL,
    price numeric(10,2) NOT NULL CHECK (price >= 0),
    price_band billing.price_range,
    weight_g integer CONSTRAINT weight_positive CHECK (weight_g > 0),
    attributes jsonb NOT NULL DEFAULT '{}'::jsonb
) WITH (fillfactor = 90);
CREATE INDEX products_attributes_idx ON shop.products USING gin (attributes jsonb_path_ops);
COMMENT ON COLUMN shop.products.sku IS 'Stock keeping unit';

CREATE TABLE shop.orders (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_email text NOT NULL,
    status shop.order_status NOT NULL DEFAULT 'new',
    placed_at timestamptz NOT NULL DEFAULT now(),
    total numeric(12,2) NOT NULL DEFAULT 0
);
CREATE INDEX orders_open_idx ON shop.orders (placed_at) WHERE status IN ('new', 'paid');

CREATE TABLE shop.order_lines (
    order_id bigint NOT NULL REFERENCES shop.orders ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    line_no smallint NOT NULL,
    sku varchar(32) NOT NULL REFERENCES shop.products,
    qty integer NOT NULL CHECK (qty > 0),
    unit_price numeric(10,2) NOT NULL,
    PRIMARY KEY (order_id, line_no)
);

CREATE TABLE shop.promotions (
    id serial PRIMARY KEY,
    sku varchar(32) NOT NULL REFERENCES shop.products,
    active tstzrange NOT NULL,
    percent_off smallint NOT NULL CHECK (percent_off BETWEEN 1 AND 90),
    EXCLUDE USING gist (sku WITH =, active WITH &&)
);

CREATE TABLE billing.invoices (
    no integer PRIMARY KEY DEFAULT nextval('billing.invoice_no'),
    order_id bigint NOT NULL UNIQUE REFERENCES shop.orders,
    issued_on date NOT NULL DEFAULT current_date,
    amount numeric(12,2) NOT NULL
);
ALTER SEQUENCE billing.invoice_no OWNED BY billing.invoices.no;

CREATE FUNCTION shop.line_total(qty integer, unit_price numeric) RETURNS numeric
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN qty * unit_price;

CREATE FUNCTION shop.recompute_total() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE shop.orders o SET total = (
        SELECT coalesce(sum(shop.line_total(l.qty, l.unit_price)), 0) FROM shop.order_lines l WHERE l.order_id = o.id)
    WHERE o.id = coalesce(NEW.order_id, OLD.order_id);
    RETURN NULL;
END;
$$;

CREATE CONSTRAINT TRIGGER order_lines_total AFTER INSERT OR UPDATE OR DELETE ON shop.order_lines
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION shop.recompute_total();

CREATE PROCEDURE billing.issue_invoice(p_order bigint)
    LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO billing.invoices (order_id, amount)
    SELECT id, total FROM shop.orders WHERE id = p_order;
END;
$$;

CREATE MATERIALIZED VIEW shop.daily_sales AS
    SELECT date_trunc('day', o.placed_at) AS day, count(*) AS orders, sum(o.total) AS revenue
    FROM shop.orders o WHERE o.status <> 'cancelled'
    GROUP BY 1;
CREATE UNIQUE INDEX daily_sales_day_idx ON shop.daily_sales (day);

CREATE VIEW shop.catalogue AS
    SELECT p.sku, p.name, c.name AS category, p.price
    FROM shop.products p JOIN shop.categories c ON c.id = p.category_id;

CREATE PUBLICATION shop_orders FOR TABLE shop.orders, shop.order_lines WITH (publish = 'insert, update');
