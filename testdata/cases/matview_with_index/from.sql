CREATE TABLE sales (
    id bigint PRIMARY KEY,
    region text NOT NULL,
    amount numeric NOT NULL,
    sold_on date NOT NULL
);

CREATE MATERIALIZED VIEW sales_by_region AS
    SELECT region, sum(amount) AS amount FROM sales GROUP BY region;
CREATE INDEX sales_by_region_amount ON sales_by_region (amount);
CREATE INDEX dropped_index ON sales_by_region (region, amount);

CREATE MATERIALIZED VIEW sales_by_day AS
    SELECT sold_on, sum(amount) AS amount FROM sales GROUP BY sold_on;
