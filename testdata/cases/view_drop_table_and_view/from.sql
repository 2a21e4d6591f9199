CREATE TABLE legacy (
    id integer PRIMARY KEY,
    payload text
);

CREATE TABLE kept (
    id integer PRIMARY KEY
);

CREATE VIEW legacy_payloads AS SELECT payload FROM legacy;
CREATE VIEW legacy_and_kept AS SELECT k.id, l.payload FROM kept k JOIN legacy l USING (id);
CREATE MATERIALIZED VIEW legacy_count AS SELECT count(*) AS n FROM legacy_payloads;
CREATE VIEW kept_ids AS SELECT id FROM kept;
