CREATE TABLE accounts (
    id integer PRIMARY KEY,
    owner text NOT NULL,
    active boolean NOT NULL DEFAULT true
);

CREATE VIEW active_accounts WITH (security_barrier) AS
    SELECT id, owner, active FROM accounts WHERE active
    WITH LOCAL CHECK OPTION;
CREATE VIEW barrier WITH (security_barrier = true) AS SELECT id FROM accounts;
CREATE VIEW secure AS SELECT id, owner FROM accounts WITH CHECK OPTION;
