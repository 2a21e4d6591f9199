-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: drop column public.plans.legacy
-- hazard deletes_data: Dropping column public.plans.legacy deletes its values. (public.plans: <size>)
ALTER TABLE public.plans DROP COLUMN legacy;

-- step 2: create sequence public.features_id_seq
CREATE SEQUENCE public.features_id_seq AS integer;

-- step 3: create table public.features
CREATE TABLE public.features (
    id integer DEFAULT nextval('public.features_id_seq'::regclass) NOT NULL,
    plan_code text NOT NULL,
    name text NOT NULL,
    CONSTRAINT features_pkey PRIMARY KEY (id),
    CONSTRAINT features_plan_code_name_key UNIQUE (plan_code, name)
);

-- step 4: create column public.plans.seats
ALTER TABLE public.plans ADD COLUMN seats integer DEFAULT 1 NOT NULL;

-- step 5: create column public.plans.label
ALTER TABLE public.plans ADD COLUMN label text;

-- step 6: alter sequence public.features_id_seq
ALTER SEQUENCE public.features_id_seq OWNED BY public.features.id;

-- step 7: create constraint public.features.features_plan_code_fkey
ALTER TABLE public.features ADD CONSTRAINT features_plan_code_fkey FOREIGN KEY (plan_code) REFERENCES public.plans(code);

-- step 8: update data public.plans
UPDATE public.plans SET seats = 1 WHERE code = 'free';

-- step 9: update data public.plans
UPDATE public.plans SET price = 12.00, seats = 1, label = 'Pro' WHERE code = 'pro';

-- step 10: update data public.plans
UPDATE public.plans SET seats = 10, label = 'Team' WHERE code = 'team';

-- step 11: insert data public.plans
INSERT INTO public.plans (code, price, seats, label) VALUES
    ('enterprise', 100.00, 100, 'Enterprise');

-- step 12: insert data public.features
INSERT INTO public.features (plan_code, name) VALUES
    ('enterprise', 'sso'),
    ('pro', 'sso'),
    ('team', 'audit'),
    ('team', 'sso');

COMMIT;
