CREATE TABLE t (id integer PRIMARY KEY, qty integer DEFAULT 0, flag varchar(5));
