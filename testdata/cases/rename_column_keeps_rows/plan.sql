-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: rename column public.logins.user_email
ALTER TABLE public.logins RENAME COLUMN user_mail TO user_email;

-- step 2: rename column public.users.email
ALTER TABLE public.users RENAME COLUMN mail TO email;

-- step 3: rename column public.users.display_name
ALTER TABLE public.users RENAME COLUMN "Full Name" TO display_name;

-- step 4: rename column public.users.years
ALTER TABLE public.users RENAME COLUMN age TO years;

-- step 5: rename column public.users.seq_no
ALTER TABLE public.users RENAME COLUMN num TO seq_no;

-- step 6: rename sequence public.users_seq_no_seq
ALTER SEQUENCE public.users_num_seq RENAME TO users_seq_no_seq;

-- step 7: alter column public.users.display_name
ALTER TABLE public.users ALTER COLUMN display_name SET DEFAULT '';

COMMIT;
