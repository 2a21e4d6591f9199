-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: create function conv.to_latin1(integer, integer, cstring, internal, integer, boolean)
CREATE OR REPLACE FUNCTION conv.to_latin1(integer, integer, cstring, internal, integer, boolean)
 RETURNS integer
 LANGUAGE c
 STRICT
AS '$libdir/utf8_and_iso8859_1', 'utf8_to_iso8859_1';

-- step 2: create conversion conv.utf8_latin1
CREATE CONVERSION conv.utf8_latin1 FOR 'UTF8' TO 'LATIN1' FROM conv.to_latin1;

-- step 3: create conversion conv.utf8_win1250
CREATE DEFAULT CONVERSION conv.utf8_win1250 FOR 'UTF8' TO 'WIN1250' FROM utf8_to_win;

-- step 4: alter conversion conv.utf8_latin1
COMMENT ON CONVERSION conv.utf8_latin1 IS 'through our own function';

COMMIT;
