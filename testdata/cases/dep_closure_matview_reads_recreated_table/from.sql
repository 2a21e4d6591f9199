CREATE TABLE events (id integer, at date);
CREATE MATERIALIZED VIEW daily AS SELECT at, count(*) AS n FROM events GROUP BY at;
CREATE VIEW recent AS SELECT id FROM events;
CREATE FUNCTION n_events() RETURNS bigint LANGUAGE sql STABLE BEGIN ATOMIC SELECT count(*) FROM events; END;
