CREATE TABLE docs (id int, body text, meta jsonb, amount numeric, tag text COMPRESSION lz4);
ALTER TABLE docs ALTER COLUMN meta SET STORAGE EXTERNAL;
