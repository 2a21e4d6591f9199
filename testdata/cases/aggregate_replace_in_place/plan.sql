-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: alter aggregate public.group_concat(text, text)
CREATE OR REPLACE AGGREGATE public.group_concat(text, text) (
    SFUNC = public.concat_sep,
    STYPE = text,
    INITCOND = '',
    PARALLEL = SAFE
);

-- step 2: alter aggregate public.group_concat(text, text)
COMMENT ON AGGREGATE public.group_concat(text, text) IS 'joins with a separator, from an empty string';

COMMIT;
