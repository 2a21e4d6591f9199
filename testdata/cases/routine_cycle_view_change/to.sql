CREATE TABLE items (id int, price numeric);
CREATE FUNCTION total_price() RETURNS numeric LANGUAGE sql STABLE AS $$ SELECT 1::numeric $$;
CREATE VIEW v_items AS SELECT id, price, price / nullif(total_price(), 0) AS share FROM items;
CREATE OR REPLACE FUNCTION total_price() RETURNS numeric LANGUAGE sql STABLE BEGIN ATOMIC SELECT max(price) FROM v_items; END;
