CREATE TABLE keep (id int);

-- A range-partitioned table with a serial key, a timestamp partition key
-- whose bounds PostgreSQL prints with a time, and quoting-heavy names.
CREATE TABLE "Events" (
    id bigserial,
    happened timestamp NOT NULL,
    "Kind" text DEFAULT 'misc',
    payload jsonb
) PARTITION BY RANGE (happened);

CREATE TABLE "Events 2023" PARTITION OF "Events"
    FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');

CREATE TABLE events_2024 PARTITION OF "Events" (
    "Kind" DEFAULT 'recent',
    CONSTRAINT recent_kind CHECK ("Kind" <> '')
) FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');

CREATE TABLE events_old PARTITION OF "Events" FOR VALUES FROM (MINVALUE) TO ('2023-01-01');

-- Expression key with several columns.
CREATE TABLE readings (sensor int NOT NULL, at date NOT NULL, value numeric)
    PARTITION BY RANGE (sensor, (extract(year FROM at)));
CREATE TABLE readings_low PARTITION OF readings FOR VALUES FROM (0, 2000) TO (100, MAXVALUE);

COMMENT ON TABLE "Events 2023" IS 'last year';
