-- An analytics store: partitioned event tables, an inheritance hierarchy,
-- unlogged staging, storage parameters and helper functions.
CREATE SCHEMA metrics;
CREATE SCHEMA staging;

CREATE TYPE metrics.source AS ENUM ('web', 'ios', 'android', 'api');

CREATE TABLE metrics.events (
    id bigint GENERATED ALWAYS AS IDENTITY,
    occurred_at timestamptz NOT NULL,
    source metrics.source NOT NULL,
    name text NOT NULL,
    payload jsonb,
    PRIMARY KEY (id, occurred_at)
) PARTITION BY RANGE (occurred_at);
CREATE TABLE metrics.events_2025 PARTITION OF metrics.events
    FOR VALUES FROM ('2025-01-01 00:00:00+00') TO ('2026-01-01 00:00:00+00');
CREATE TABLE metrics.events_2026 PARTITION OF metrics.events
    FOR VALUES FROM ('2026-01-01 00:00:00+00') TO ('2027-01-01 00:00:00+00');
CREATE TABLE metrics.events_default PARTITION OF metrics.events DEFAULT;
CREATE INDEX events_name_idx ON metrics.events (name, occurred_at);

CREATE TABLE metrics.sessions (
    id uuid NOT NULL,
    region text NOT NULL,
    started_at timestamptz NOT NULL
) PARTITION BY LIST (region);
CREATE TABLE metrics.sessions_eu PARTITION OF metrics.sessions FOR VALUES IN ('eu-west', 'eu-central');
CREATE TABLE metrics.sessions_us PARTITION OF metrics.sessions FOR VALUES IN ('us-east', 'us-west');

CREATE TABLE metrics.buckets (k integer NOT NULL, v bigint) PARTITION BY HASH (k);
CREATE TABLE metrics.buckets_0 PARTITION OF metrics.buckets FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE metrics.buckets_1 PARTITION OF metrics.buckets FOR VALUES WITH (MODULUS 2, REMAINDER 1);

CREATE TABLE metrics.measurements (
    id bigserial PRIMARY KEY,
    taken_at timestamptz NOT NULL DEFAULT now(),
    value double precision NOT NULL
);
CREATE TABLE metrics.temperature (unit char(1) NOT NULL DEFAULT 'C' CHECK (unit IN ('C', 'F'))) INHERITS (metrics.measurements);
CREATE TABLE metrics.humidity () INHERITS (metrics.measurements);

CREATE UNLOGGED TABLE staging.raw_events (
    line text NOT NULL,
    received_at timestamptz NOT NULL DEFAULT clock_timestamp()
) WITH (autovacuum_enabled = false);
ALTER TABLE staging.raw_events ALTER COLUMN line SET STORAGE EXTERNAL;

CREATE FUNCTION metrics.bucket_of(ts timestamptz, width interval DEFAULT '1 hour') RETURNS timestamptz
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT to_timestamp(floor(extract(epoch FROM ts) / extract(epoch FROM width)) * extract(epoch FROM width)) $$;

CREATE FUNCTION metrics.top_names(n integer DEFAULT 10)
    RETURNS TABLE(name text, hits bigint)
    LANGUAGE sql STABLE ROWS 10
    AS $$ SELECT name, count(*) FROM metrics.events GROUP BY name ORDER BY 2 DESC LIMIT n $$;

CREATE VIEW metrics.hourly AS
    SELECT metrics.bucket_of(occurred_at) AS hour, source, count(*) AS n
    FROM metrics.events GROUP BY 1, 2;

COMMENT ON TABLE metrics.events IS 'Every tracked event, partitioned by year';
COMMENT ON FUNCTION metrics.bucket_of(timestamptz, interval) IS 'Start of the bucket holding ts';
