CREATE TABLE t (id integer PRIMARY KEY, qty text DEFAULT '0', flag text);
