CREATE TYPE money2 AS (amount numeric, cur text);
CREATE FUNCTION money2_text(money2) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT $1.amount::text || ' ' || $1.cur $$;
CREATE CAST (money2 AS text) WITH FUNCTION money2_text(money2);
CREATE TABLE acct (id int, bal money2, CONSTRAINT bal_text_ok CHECK (bal::text <> ''));
CREATE INDEX acct_bal_text ON acct ((bal::text));
CREATE VIEW v_acct AS SELECT id, bal::text AS bal_text FROM acct;
