CREATE EXTENSION IF NOT EXISTS citext;
CREATE SCHEMA app;
CREATE TYPE app.role AS ENUM ('admin', 'member');
CREATE SEQUENCE app.ticket_seq AS integer;
CREATE TABLE app.orgs (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slug citext NOT NULL UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now(),
    plan text DEFAULT 'free' CHECK (plan IN ('free', 'pro'))
);
CREATE TABLE app.members (
    org_id bigint NOT NULL REFERENCES app.orgs ON DELETE CASCADE,
    user_id bigint NOT NULL,
    role app.role NOT NULL DEFAULT 'member',
    ticket integer DEFAULT nextval('app.ticket_seq'),
    PRIMARY KEY (org_id, user_id)
);
CREATE INDEX members_user_idx ON app.members (user_id) WHERE role = 'admin';
COMMENT ON TABLE app.members IS 'who belongs where';
