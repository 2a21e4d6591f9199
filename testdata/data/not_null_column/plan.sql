-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: create column public.units.symbol
ALTER TABLE public.units ADD COLUMN symbol text;

-- step 2: update data public.units
UPDATE public.units SET symbol = 'kg' WHERE code = 'kg';

-- step 3: update data public.units
UPDATE public.units SET symbol = 'm' WHERE code = 'm';

-- step 4: insert data public.units
INSERT INTO public.units (code, name, symbol) VALUES
    ('s', 'second', 's');

-- step 5: alter column public.units.symbol
-- hazard validation_scan: SET NOT NULL scans public.units under an ACCESS EXCLUSIVE lock, after the data file's rows gave every row a value. (public.units: <size>)
-- hazard access_exclusive_lock: Holds an ACCESS EXCLUSIVE lock on public.units while it runs: every read and write of the table waits (apply's lock_timeout bounds only the wait for the lock). (public.units: <size>)
ALTER TABLE public.units ALTER COLUMN symbol SET NOT NULL;

COMMIT;
