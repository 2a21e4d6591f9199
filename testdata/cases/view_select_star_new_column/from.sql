CREATE TABLE things (id integer PRIMARY KEY, name text);

-- SELECT * is expanded when a view is created: a column added later is
-- not in the view until it is created again.
CREATE VIEW all_things AS SELECT * FROM things;
CREATE VIEW all_things_again AS SELECT t.* FROM all_things t;
CREATE VIEW thing_names AS SELECT name FROM things;
