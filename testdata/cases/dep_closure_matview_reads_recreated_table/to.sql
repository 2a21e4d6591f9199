-- events becomes partitioned (drop and create): the materialized view,
-- the view and the SQL-standard routine reading it come down and back.
CREATE TABLE events (id integer, at date) PARTITION BY RANGE (at);
CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE MATERIALIZED VIEW daily AS SELECT at, count(*) AS n FROM events GROUP BY at;
CREATE VIEW recent AS SELECT id FROM events;
CREATE FUNCTION n_events() RETURNS bigint LANGUAGE sql STABLE BEGIN ATOMIC SELECT count(*) FROM events; END;
