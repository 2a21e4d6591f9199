CREATE TABLE kept (
    id integer PRIMARY KEY
);

CREATE VIEW kept_ids AS SELECT id FROM kept;
