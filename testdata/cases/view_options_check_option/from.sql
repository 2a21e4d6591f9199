CREATE TABLE accounts (
    id integer PRIMARY KEY,
    owner text NOT NULL,
    active boolean NOT NULL DEFAULT true
);

CREATE VIEW active_accounts AS SELECT id, owner, active FROM accounts WHERE active;
CREATE VIEW barrier AS SELECT id FROM accounts WITH CASCADED CHECK OPTION;
CREATE VIEW secure WITH (security_barrier = true) AS SELECT id, owner FROM accounts;
