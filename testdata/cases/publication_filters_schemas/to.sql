CREATE SCHEMA sales;
CREATE SCHEMA hr;
CREATE TABLE sales.deals (id int PRIMARY KEY, amount numeric, region text, secret text);
CREATE TABLE events (id int, kind text, payload text);
CREATE TABLE measurements (at date NOT NULL, v int) PARTITION BY RANGE (at);
CREATE TABLE measurements_2020 PARTITION OF measurements FOR VALUES FROM ('2020-01-01') TO ('2021-01-01');
-- The column list (written in any order) and the filter change; a filter
-- whose constant PostgreSQL stores with a cast; a partitioned table
-- published through its root.
CREATE PUBLICATION pub_f FOR TABLE sales.deals (region, id, amount) WHERE (amount > 500),
    events WHERE (kind = 'important'), measurements
    WITH (publish_via_partition_root = true);
-- Schemas change; a table beside them (without a column list, which
-- PostgreSQL refuses there).
CREATE PUBLICATION pub_s FOR TABLES IN SCHEMA hr, TABLE events;
