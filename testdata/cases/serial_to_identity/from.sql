CREATE TABLE t (id serial PRIMARY KEY, name text);
CREATE TABLE u (id serial PRIMARY KEY, name text);
