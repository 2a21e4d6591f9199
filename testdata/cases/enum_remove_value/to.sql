CREATE TYPE status AS ENUM ('new', 'open', 'closed');
CREATE TABLE tickets (
    id integer PRIMARY KEY,
    status status NOT NULL DEFAULT 'new',
    history status[],
    CONSTRAINT not_closed_early CHECK (status <> 'closed' OR id > 0)
);
CREATE INDEX tickets_open ON tickets (id) WHERE status = 'open';
COMMENT ON TYPE status IS 'ticket status';
