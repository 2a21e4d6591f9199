CREATE TABLE items (id integer PRIMARY KEY, owner text NOT NULL, tag text NOT NULL);
