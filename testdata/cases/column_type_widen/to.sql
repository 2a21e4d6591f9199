CREATE TABLE t (id bigint PRIMARY KEY, code varchar(50), amount numeric(12,4));
