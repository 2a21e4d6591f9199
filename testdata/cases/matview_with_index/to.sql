CREATE TABLE sales (
    id bigint PRIMARY KEY,
    region text NOT NULL,
    amount numeric NOT NULL,
    sold_on date NOT NULL
);

-- Same query: only the indexes, storage options and comments change.
CREATE MATERIALIZED VIEW sales_by_region WITH (fillfactor = 80) AS
    SELECT region, sum(amount) AS amount FROM sales GROUP BY region;
CREATE UNIQUE INDEX ON sales_by_region (region);
CREATE INDEX sales_by_region_amount ON sales_by_region (amount DESC);
COMMENT ON MATERIALIZED VIEW sales_by_region IS 'refreshed nightly';
COMMENT ON INDEX sales_by_region_region_idx IS 'for REFRESH CONCURRENTLY';

-- Query changed: recreated, with its index.
CREATE MATERIALIZED VIEW sales_by_day AS
    SELECT sold_on, sum(amount) AS amount, count(*) AS n FROM sales GROUP BY sold_on;
CREATE UNIQUE INDEX ON sales_by_day (sold_on);

-- New one.
CREATE MATERIALIZED VIEW big_sales AS SELECT id, amount FROM sales WHERE amount > 1000 WITH NO DATA;
CREATE INDEX ON big_sales (amount);
