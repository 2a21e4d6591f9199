-- Table, column and index settings that live in the catalog beside the
-- definitions, each of which must survive init and a rebuild from the files.

CREATE DOMAIN short_code AS varchar(8) DEFAULT NULL;
CREATE DOMAIN label AS text DEFAULT 'none';

CREATE TABLE accounts (
    id integer PRIMARY KEY,
    email text NOT NULL,
    name varchar(40) DEFAULT NULL,
    balance numeric(12,2) DEFAULT NULL,
    code short_code DEFAULT NULL,
    tag label DEFAULT NULL,
    kind text DEFAULT 'x'::varchar,
    note text DEFAULT 'n'::text,
    flags varchar(10) DEFAULT NULL::character varying(10),
    CONSTRAINT accounts_email_key UNIQUE (email)
) WITH (fillfactor = 80, autovacuum_enabled = false, toast.autovacuum_enabled = false, parallel_workers = 2);

CREATE INDEX accounts_lower_email ON accounts (lower(email), (id + 1)) WITH (fillfactor = 70, deduplicate_items = off);
CREATE INDEX accounts_name ON accounts (name);

ALTER TABLE accounts CLUSTER ON accounts_lower_email;
ALTER TABLE accounts ALTER COLUMN email SET STATISTICS 500;
ALTER TABLE accounts ALTER COLUMN name SET STATISTICS 0;
ALTER TABLE accounts ALTER COLUMN balance SET (n_distinct = -0.5, n_distinct_inherited = 100);
ALTER INDEX accounts_lower_email ALTER COLUMN 1 SET STATISTICS 300;
ALTER INDEX accounts_lower_email ALTER COLUMN 2 SET STATISTICS 50;

COMMENT ON INDEX accounts_pkey IS 'the primary key''s index';
COMMENT ON INDEX accounts_email_key IS 'one account per address';

CREATE TABLE events (
    id bigint NOT NULL,
    account_id integer,
    payload text,
    CONSTRAINT events_pkey PRIMARY KEY (id)
);
-- Clustered on the index of a constraint.
ALTER TABLE events CLUSTER ON events_pkey;

CREATE VIEW account_names AS SELECT id, name, kind FROM accounts;
ALTER VIEW account_names ALTER COLUMN kind SET DEFAULT 'view default';
ALTER VIEW account_names ALTER COLUMN name SET DEFAULT NULL::character varying;

CREATE MATERIALIZED VIEW account_kinds AS SELECT kind, count(*) AS n FROM accounts GROUP BY kind;
CREATE UNIQUE INDEX account_kinds_kind ON account_kinds (kind);
ALTER TABLE account_kinds CLUSTER ON account_kinds_kind;

-- Settings of a partitioned table and of its partition, each its own.
CREATE TABLE measurements (at date NOT NULL, value numeric) PARTITION BY RANGE (at);
CREATE TABLE measurements_2020 PARTITION OF measurements FOR VALUES FROM ('2020-01-01') TO ('2021-01-01');
ALTER TABLE ONLY measurements ALTER COLUMN value SET STATISTICS 200;
ALTER TABLE ONLY measurements_2020 ALTER COLUMN value SET STATISTICS 300;
ALTER TABLE measurements_2020 ALTER COLUMN value SET (n_distinct = 10);
