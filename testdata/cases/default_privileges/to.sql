CREATE SCHEMA app;
CREATE SCHEMA old;
-- Objects get exactly the privileges their GRANTs give, whatever the
-- default privileges in effect when the plan creates them would add.
CREATE TABLE app.existing (id integer);
GRANT SELECT ON app.existing TO app_ro;
CREATE TABLE app.created (id integer);
GRANT SELECT ON app.created TO app_ro;
CREATE TYPE app.kind AS ENUM ('a');
GRANT USAGE ON TYPE app.kind TO PUBLIC;
-- Default privileges only concern objects created later, outside these
-- files (as in pg_dump's output, they come after the objects here so that
-- running this file as a script means the same).
-- Without FOR ROLE: the role that applies the files (postgres here).
ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT SELECT, INSERT ON TABLES TO app_ro;
ALTER DEFAULT PRIVILEGES FOR ROLE postgres IN SCHEMA app GRANT ALL ON TABLES TO app_rw WITH GRANT OPTION;
ALTER DEFAULT PRIVILEGES FOR ROLE postgres REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
ALTER DEFAULT PRIVILEGES FOR ROLE postgres REVOKE USAGE ON TYPES FROM PUBLIC;
ALTER DEFAULT PRIVILEGES FOR ROLE postgres GRANT USAGE ON TYPES TO app_ro;
