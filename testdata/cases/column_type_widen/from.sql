CREATE TABLE t (id integer PRIMARY KEY, code varchar(10), amount numeric(8,2));
