CREATE SCHEMA old_app;
CREATE TABLE old_app.people (id integer PRIMARY KEY, mail text, secret text);
GRANT USAGE ON SCHEMA old_app TO app_ro;
GRANT SELECT ON old_app.people TO app_ro;
GRANT SELECT (mail), UPDATE (mail) ON old_app.people TO app_rw;
ALTER TABLE old_app.people ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_rows ON old_app.people TO app_rw USING (mail = current_user);
