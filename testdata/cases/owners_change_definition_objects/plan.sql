-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: create collation app.added
CREATE COLLATION app.added (provider = libc, locale = 'C');

-- step 2: create text_search_dictionary app.added_dict
CREATE TEXT SEARCH DICTIONARY app.added_dict (
    TEMPLATE = simple
);

-- step 3: alter publication pub_t
-- hazard security: Changes the owner of publication pub_t from own_a to own_b: own_b gets every privilege on it (and may drop it), own_a loses those it held as owner.
ALTER PUBLICATION pub_t OWNER TO own_b;

-- step 4: alter operator app.!!!(NONE, integer)
-- hazard security: Changes the owner of operator app.!!!(NONE, integer) from own_a to own_b: own_b gets every privilege on it (and may drop it), own_a loses those it held as owner.
ALTER OPERATOR app.!!! (NONE, integer) OWNER TO own_b;

-- step 5: alter operator app.===(integer, integer)
-- hazard security: Changes the owner of operator app.===(integer, integer) from own_a to own_b: own_b gets every privilege on it (and may drop it), own_a loses those it held as owner.
ALTER OPERATOR app.=== (integer, integer) OWNER TO own_b;

-- step 6: alter collation app.added
ALTER COLLATION app.added OWNER TO own_b;

-- step 7: alter text_search_dictionary app.added_dict
ALTER TEXT SEARCH DICTIONARY app.added_dict OWNER TO own_b;

-- step 8: alter collation app.c_coll
-- hazard security: Changes the owner of collation app.c_coll from own_a to own_b: own_b gets every privilege on it (and may drop it), own_a loses those it held as owner.
ALTER COLLATION app.c_coll OWNER TO own_b;

-- step 9: alter text_search_configuration app.cfg
-- hazard security: Changes the owner of text_search_configuration app.cfg from own_a to own_b: own_b gets every privilege on it (and may drop it), own_a loses those it held as owner.
ALTER TEXT SEARCH CONFIGURATION app.cfg OWNER TO own_b;

-- step 10: alter aggregate app.cnt(*)
-- hazard security: Changes the owner of aggregate app.cnt(*) from own_a to own_b: own_b gets every privilege on it (and may drop it), own_a loses those it held as owner.
ALTER AGGREGATE app.cnt(*) OWNER TO own_b;

-- step 11: alter text_search_dictionary app.dict
-- hazard security: Changes the owner of text_search_dictionary app.dict from own_a to own_b: own_b gets every privilege on it (and may drop it), own_a loses those it held as owner.
ALTER TEXT SEARCH DICTIONARY app.dict OWNER TO own_b;

-- step 12: alter operator_class app.int_hash_ops USING hash
-- hazard security: Changes the owner of operator_class app.int_hash_ops USING hash from own_a to own_b: own_b gets every privilege on it (and may drop it), own_a loses those it held as owner.
ALTER OPERATOR CLASS app.int_hash_ops USING hash OWNER TO own_b;

-- step 13: alter operator_family app.int_hash_ops USING hash
-- hazard security: Changes the owner of operator_family app.int_hash_ops USING hash from own_a to own_b: own_b gets every privilege on it (and may drop it), own_a loses those it held as owner.
ALTER OPERATOR FAMILY app.int_hash_ops USING hash OWNER TO own_b;

-- step 14: alter statistics app.t_stats
-- hazard security: Changes the owner of statistics app.t_stats from own_a to own_b: own_b gets every privilege on it (and may drop it), own_a loses those it held as owner.
ALTER STATISTICS app.t_stats OWNER TO own_b;

-- step 15: alter aggregate app.total(integer)
-- hazard security: Changes the owner of aggregate app.total(integer) from own_a to own_b: own_b gets every privilege on it (and may drop it), own_a loses those it held as owner.
ALTER AGGREGATE app.total(integer) OWNER TO own_b;

-- step 16: alter aggregate app.total(integer)
GRANT EXECUTE ON FUNCTION app.total(integer) TO own_a;

COMMIT;
