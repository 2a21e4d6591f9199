CREATE TYPE status AS ENUM ('new', 'open', 'legacy', 'closed');
CREATE TABLE tickets (
    id integer PRIMARY KEY,
    status status NOT NULL DEFAULT 'new',
    history status[],
    CONSTRAINT not_legacy CHECK (status <> 'legacy')
);
CREATE INDEX tickets_open ON tickets (id) WHERE status = 'open';
COMMENT ON TYPE status IS 'ticket status';
