-- Conversions and access methods made by hand: conversions through
-- built-in functions (conversions_c_function has one through a function
-- of the database's own), one of them the default; an index access
-- method with its own handler function, an operator class and an index
-- on it; a table access method and a table stored with it; comments.
CREATE SCHEMA enc;

CREATE CONVERSION enc.utf8_latin1 FOR 'UTF8' TO 'LATIN1' FROM utf8_to_iso8859_1;
COMMENT ON CONVERSION enc.utf8_latin1 IS 'UTF-8 to Latin-1';
CREATE DEFAULT CONVERSION enc.utf8_win1250 FOR 'UTF8' TO 'WIN1250' FROM utf8_to_win;

CREATE FUNCTION enc.minmax_handler(internal) RETURNS index_am_handler LANGUAGE internal AS 'brinhandler';
CREATE ACCESS METHOD minmax TYPE INDEX HANDLER enc.minmax_handler;
COMMENT ON ACCESS METHOD minmax IS 'block ranges, by another name';
CREATE OPERATOR CLASS enc.int4_minmax_ops DEFAULT FOR TYPE integer USING minmax AS
    OPERATOR 1 <, OPERATOR 2 <=, OPERATOR 3 =, OPERATOR 4 >=, OPERATOR 5 >,
    FUNCTION 1 brin_minmax_opcinfo(internal),
    FUNCTION 2 brin_minmax_add_value(internal, internal, internal, internal),
    FUNCTION 3 brin_minmax_consistent(internal, internal, internal),
    FUNCTION 4 brin_minmax_union(internal, internal, internal);

CREATE ACCESS METHOD heap2 TYPE TABLE HANDLER heap_tableam_handler;

CREATE TABLE enc.readings (id integer PRIMARY KEY, taken_at integer NOT NULL, value numeric) USING heap2;
CREATE INDEX readings_taken_at ON enc.readings USING minmax (taken_at);
CREATE TABLE enc.plain (id integer);
