CREATE TYPE floatrange AS RANGE (subtype = float8);
CREATE TYPE gone_range AS RANGE (subtype = integer);
CREATE TABLE readings (id integer PRIMARY KEY, span floatrange);
