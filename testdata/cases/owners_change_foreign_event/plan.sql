-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: create server srv_added
CREATE SERVER srv_added FOREIGN DATA WRAPPER fdw_x;

-- step 2: alter event_trigger evt
-- hazard security: Changes the owner of event_trigger evt from own_su_a to own_su_b: own_su_b gets every privilege on it (and may drop it), own_su_a loses those it held as owner.
ALTER EVENT TRIGGER evt OWNER TO own_su_b;

-- step 3: alter foreign_data_wrapper fdw_x
-- hazard security: Changes the owner of foreign_data_wrapper fdw_x from own_su_a to own_su_b: own_su_b gets every privilege on it (and may drop it), own_su_a loses those it held as owner.
ALTER FOREIGN DATA WRAPPER fdw_x OWNER TO own_su_b;

-- step 4: alter server srv_added
ALTER SERVER srv_added OWNER TO own_su_b;

-- step 5: alter server srv_x
-- hazard security: Changes the owner of server srv_x from own_su_a to own_a: own_a gets every privilege on it (and may drop it), own_su_a loses those it held as owner.
ALTER SERVER srv_x OWNER TO own_a;

-- step 6: alter table public.ft
-- hazard security: Changes the owner of table public.ft from own_su_a to own_a: own_a gets every privilege on it (and may drop it), own_su_a loses those it held as owner.
ALTER TABLE public.ft OWNER TO own_a;

COMMIT;
