-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: drop event_trigger ddl_watch
DROP EVENT TRIGGER ddl_watch;

-- step 2: drop event_trigger gone
-- hazard security: Drops trigger gone: whatever it enforced or recorded (audit, integrity, permissions) stops.
DROP EVENT TRIGGER gone;

-- step 3: create event_trigger New Watch
CREATE EVENT TRIGGER "New Watch" ON ddl_command_start
 EXECUTE FUNCTION public.on_ddl();

-- step 4: create event_trigger ddl_watch
CREATE EVENT TRIGGER ddl_watch ON ddl_command_end
 WHEN TAG IN ('CREATE TABLE', 'ALTER TABLE')
 EXECUTE FUNCTION public.on_ddl();

-- step 5: alter event_trigger drop_watch
-- hazard security: Disables trigger drop_watch for ordinary sessions: whatever it enforced or recorded stops.
ALTER EVENT TRIGGER drop_watch DISABLE;

-- step 6: alter event_trigger New Watch
COMMENT ON EVENT TRIGGER "New Watch" IS 'watches';

COMMIT;
