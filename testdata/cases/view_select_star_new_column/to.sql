CREATE TABLE things (id integer PRIMARY KEY, name text, color text);

CREATE VIEW all_things AS SELECT * FROM things;
CREATE VIEW all_things_again AS SELECT t.* FROM all_things t;
CREATE VIEW thing_names AS SELECT name FROM things;
