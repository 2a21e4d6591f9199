CREATE TYPE public.mood AS ENUM ('happy', 'sad');
CREATE TYPE public.level AS ENUM ('low', 'high');
CREATE TYPE public.color AS ENUM ('red');
REVOKE USAGE ON TYPE public.mood FROM PUBLIC;
GRANT USAGE ON TYPE public.mood TO app_ro;
GRANT USAGE ON TYPE public.color TO app_rw WITH GRANT OPTION;
REVOKE ALL ON TYPE public.color FROM PUBLIC;
