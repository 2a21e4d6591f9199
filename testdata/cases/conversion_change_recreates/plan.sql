-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: drop conversion public.utf8_win
DROP CONVERSION public.utf8_win;

-- step 2: drop conversion public.utf8_latin1
DROP CONVERSION public.utf8_latin1;

-- step 3: create conversion public.utf8_latin1
CREATE DEFAULT CONVERSION public.utf8_latin1 FOR 'UTF8' TO 'LATIN1' FROM utf8_to_iso8859_1;

-- step 4: create conversion public.utf8_win
CREATE CONVERSION public.utf8_win FOR 'UTF8' TO 'WIN1251' FROM utf8_to_win;

-- step 5: alter conversion public.utf8_win
COMMENT ON CONVERSION public.utf8_win IS 'new';

COMMIT;
