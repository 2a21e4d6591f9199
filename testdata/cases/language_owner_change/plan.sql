-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: alter language mypl
-- hazard security: Changes the owner of language mypl from lang_own_a to lang_own_b: lang_own_b gets every privilege on it (and may drop it), lang_own_a loses those it held as owner.
ALTER LANGUAGE mypl OWNER TO lang_own_b;

COMMIT;
