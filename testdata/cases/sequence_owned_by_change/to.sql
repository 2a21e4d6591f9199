CREATE TABLE t (id integer, other integer);
CREATE SEQUENCE s AS integer OWNED BY t.other;
