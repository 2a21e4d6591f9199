CREATE TABLE items (id integer PRIMARY KEY, price numeric NOT NULL);

-- A string-bodied SQL function reading a table.
CREATE FUNCTION total_price() RETURNS numeric LANGUAGE sql STABLE AS $$
    SELECT coalesce(sum(price), 0) FROM items
$$;

-- plpgsql with a default needing a cast, and an SQL-standard body.
CREATE FUNCTION discounted(p numeric, pct integer DEFAULT 10, label text DEFAULT 'sale')
RETURNS numeric
LANGUAGE plpgsql IMMUTABLE
AS $body$
BEGIN
    -- keep the body exactly: comments, $$ and 'quotes'
    RETURN p * (100 - pct) / 100;
END;
$body$;

CREATE FUNCTION add_tax(p numeric) RETURNS numeric LANGUAGE sql IMMUTABLE
RETURN p * 1.2;

CREATE FUNCTION cheapest() RETURNS integer LANGUAGE sql STABLE
BEGIN ATOMIC
    SELECT id FROM items WHERE price > 0 ORDER BY price LIMIT 1;
END;

COMMENT ON FUNCTION discounted(numeric, integer, text) IS 'Price after discount';
