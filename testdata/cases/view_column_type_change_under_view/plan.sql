-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: drop materialized_view public.sensor_max
DROP MATERIALIZED VIEW public.sensor_max;

-- step 2: drop view public.high_readings
DROP VIEW public.high_readings;

-- step 3: drop view public.readings
DROP VIEW public.readings;

-- step 4: alter column public.measurements.sensor
ALTER TABLE public.measurements ALTER COLUMN sensor TYPE character varying(50);

-- step 5: alter column public.measurements.value
-- hazard table_rewrite: Changing the type of public.measurements.value rewrites the table under an ACCESS EXCLUSIVE lock. (public.measurements: <size>)
-- hazard access_exclusive_lock: Holds an ACCESS EXCLUSIVE lock on public.measurements while it runs: every read and write of the table waits (apply's lock_timeout bounds only the wait for the lock). (public.measurements: <size>)
ALTER TABLE public.measurements ALTER COLUMN value TYPE bigint USING value::bigint;

-- step 6: create view public.readings
CREATE VIEW public.readings AS
SELECT measurements.id, measurements.sensor, measurements.value FROM public.measurements;

-- step 7: create view public.high_readings
CREATE VIEW public.high_readings AS
SELECT readings.id, readings.value FROM public.readings WHERE readings.value > 100;

-- step 8: create materialized_view public.sensor_max
-- hazard table_rewrite: Recreating materialized view public.sensor_max runs its query again to fill it.
CREATE MATERIALIZED VIEW public.sensor_max AS
SELECT readings.sensor, max(readings.value) AS top FROM public.readings GROUP BY readings.sensor;

-- step 9: create index public.sensor_max.sensor_max_sensor
-- hazard index_build: Building index sensor_max_sensor blocks writes to (refreshes of) materialized view public.sensor_max while it runs.
CREATE UNIQUE INDEX sensor_max_sensor ON public.sensor_max USING btree (sensor);

COMMIT;
