-- subtype_diff added: a range cannot be altered, it is recreated and the
-- column converted
CREATE TYPE floatrange AS RANGE (subtype = float8, subtype_diff = float8mi);
CREATE TYPE textrange AS RANGE (subtype = text, collation = "C");
CREATE TYPE "Time Span" AS RANGE (subtype = timestamptz);
CREATE TABLE readings (id integer PRIMARY KEY, span floatrange, names textrange);
COMMENT ON TYPE floatrange IS 'ranges of doubles';
