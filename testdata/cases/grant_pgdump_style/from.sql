CREATE SCHEMA app;
CREATE TABLE app.items (id integer PRIMARY KEY, name text);
