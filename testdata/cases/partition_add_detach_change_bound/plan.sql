-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: alter table public.m_2019
ALTER TABLE public.measurement DETACH PARTITION public.m_2019;

-- step 2: alter table public.m_2021
ALTER TABLE public.measurement DETACH PARTITION public.m_2021;

-- step 3: drop table public.m_old
-- hazard deletes_data: Dropping table public.m_old deletes all of its rows. (public.m_old: <size>)
DROP TABLE public.m_old;

-- step 4: create column public.measurement.unitsales
ALTER TABLE public.measurement ADD COLUMN unitsales integer;

-- step 5: create table public.m_2023
CREATE TABLE public.m_2023 PARTITION OF public.measurement FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');

-- step 6: create column public.m_2021.unitsales
ALTER TABLE public.m_2021 ADD COLUMN unitsales integer;

-- step 7: alter column public.m_2022.city_id
-- hazard validation_scan: SET NOT NULL scans public.m_2022 under an ACCESS EXCLUSIVE lock and fails if a row holds NULL. (public.m_2022: <size>)
-- hazard access_exclusive_lock: Holds an ACCESS EXCLUSIVE lock on public.m_2022 while it runs: every read and write of the table waits (apply's lock_timeout bounds only the wait for the lock). (public.m_2022: <size>)
ALTER TABLE public.m_2022 ALTER COLUMN city_id SET NOT NULL;

-- step 8: create column public.m_2022.unitsales
ALTER TABLE public.m_2022 ADD COLUMN unitsales integer;

-- step 9: alter table public.m_2021
-- hazard validation_scan: Attaching public.m_2021 as a partition of public.measurement scans it for rows outside the bound (and the default partition, if any, for rows inside it). (public.m_2021: <size>)
ALTER TABLE public.measurement ATTACH PARTITION public.m_2021 FOR VALUES FROM ('2021-01-01') TO ('2022-01-01');

-- step 10: create constraint public.m_2022.positive_city
-- hazard validation_scan: Adding positive_city scans public.m_2022 and fails if an existing row violates it. (public.m_2022: <size>)
-- hazard access_exclusive_lock: Holds an ACCESS EXCLUSIVE lock on public.m_2022 while it runs: every read and write of the table waits (apply's lock_timeout bounds only the wait for the lock). (public.m_2022: <size>)
ALTER TABLE public.m_2022 ADD CONSTRAINT positive_city CHECK (city_id > 0);

-- step 11: alter table public.m_2022
-- hazard validation_scan: Attaching public.m_2022 as a partition of public.measurement scans it for rows outside the bound (and the default partition, if any, for rows inside it). (public.m_2022: <size>)
ALTER TABLE public.measurement ATTACH PARTITION public.m_2022 FOR VALUES FROM ('2022-01-01') TO ('2023-01-01');

COMMIT;
