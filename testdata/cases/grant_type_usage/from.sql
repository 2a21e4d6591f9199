CREATE TYPE public.mood AS ENUM ('happy', 'sad');
CREATE TYPE public.level AS ENUM ('low', 'high');
REVOKE ALL ON TYPE public.level FROM PUBLIC;
