-- renovate:renamed-from old_app
CREATE SCHEMA app;
-- renovate:renamed-from people
CREATE TABLE app.persons (
    id integer PRIMARY KEY,
    -- renovate:renamed-from mail
    email text,
    secret text
);
GRANT USAGE ON SCHEMA app TO app_ro, app_rw;
GRANT SELECT ON app.persons TO app_ro;
GRANT SELECT (email), UPDATE (email) ON app.persons TO app_rw;
ALTER TABLE app.persons ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_rows ON app.persons TO app_rw USING (email = current_user);
