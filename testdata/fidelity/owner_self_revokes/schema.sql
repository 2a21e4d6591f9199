-- A pg_dump-style schema (privileges as pg_dump writes them) whose owner,
-- the role restoring it (postgres here), revoked some of its own
-- privileges: pg_dump writes REVOKE ALL ... FROM the owner, then GRANTs
-- back what the owner kept, next to the grants to other roles.
SET check_function_bodies = false;
CREATE SCHEMA ledger;
CREATE TYPE ledger.side AS ENUM ('debit', 'credit');
CREATE DOMAIN ledger.amount AS numeric(12,2) CHECK (VALUE >= 0);
CREATE SEQUENCE ledger.entry_no;
CREATE TABLE ledger.entries (
    id bigint NOT NULL,
    side ledger.side NOT NULL,
    amount ledger.amount NOT NULL,
    booked_at timestamp with time zone DEFAULT now() NOT NULL
);
ALTER TABLE ONLY ledger.entries ADD CONSTRAINT entries_pkey PRIMARY KEY (id);
CREATE VIEW ledger.balances AS
 SELECT side, sum(amount) AS total
   FROM ledger.entries
  GROUP BY side;
CREATE MATERIALIZED VIEW ledger.daily AS
 SELECT date_trunc('day', booked_at) AS day, count(*) AS n
   FROM ledger.entries
  GROUP BY 1;
CREATE FUNCTION ledger.book(s ledger.side, a numeric) RETURNS bigint
    LANGUAGE sql
    AS $$ INSERT INTO ledger.entries (id, side, amount) VALUES (nextval('ledger.entry_no'), s, a) RETURNING id $$;
CREATE PROCEDURE ledger.close_day()
    LANGUAGE sql
    AS $$ REFRESH MATERIALIZED VIEW ledger.daily $$;

-- The ledger is append-only, for its owner too.
REVOKE ALL ON SCHEMA ledger FROM postgres;
GRANT USAGE ON SCHEMA ledger TO postgres;
GRANT USAGE ON SCHEMA ledger TO selfrev_app;
GRANT USAGE ON SCHEMA ledger TO selfrev_ro;
REVOKE ALL ON TYPE ledger.side FROM PUBLIC;
REVOKE ALL ON TYPE ledger.side FROM postgres;
GRANT ALL ON TYPE ledger.side TO selfrev_app;
REVOKE USAGE ON DOMAIN ledger.amount FROM postgres;
REVOKE ALL ON SEQUENCE ledger.entry_no FROM postgres;
GRANT SELECT,USAGE ON SEQUENCE ledger.entry_no TO postgres;
GRANT USAGE ON SEQUENCE ledger.entry_no TO selfrev_app;
REVOKE ALL ON TABLE ledger.entries FROM postgres;
GRANT SELECT,INSERT,REFERENCES,TRIGGER ON TABLE ledger.entries TO postgres;
GRANT SELECT,INSERT ON TABLE ledger.entries TO selfrev_app;
GRANT SELECT ON TABLE ledger.entries TO selfrev_ro;
REVOKE ALL ON TABLE ledger.balances FROM postgres;
GRANT SELECT ON TABLE ledger.balances TO postgres;
GRANT SELECT ON TABLE ledger.balances TO selfrev_ro;
REVOKE ALL ON TABLE ledger.daily FROM postgres;
GRANT SELECT ON TABLE ledger.daily TO postgres;
REVOKE ALL ON FUNCTION ledger.book(s ledger.side, a numeric) FROM PUBLIC;
REVOKE ALL ON FUNCTION ledger.book(s ledger.side, a numeric) FROM postgres;
GRANT ALL ON FUNCTION ledger.book(s ledger.side, a numeric) TO selfrev_app;
REVOKE ALL ON PROCEDURE ledger.close_day() FROM postgres;
