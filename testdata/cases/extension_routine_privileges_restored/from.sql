-- Privileges of an extension's functions that differ from what CREATE
-- EXTENSION gave them (pg_init_privs), as pg_dump writes them: PUBLIC
-- loses EXECUTE on some, roles get it on others.
CREATE EXTENSION pgcrypto;
REVOKE EXECUTE ON FUNCTION public.gen_random_uuid() FROM PUBLIC;
REVOKE ALL ON FUNCTION public.digest(text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION public.digest(text, text) TO priv_reader;
GRANT EXECUTE ON FUNCTION public.hmac(bytea, bytea, text) TO priv_writer WITH GRANT OPTION;
GRANT EXECUTE ON FUNCTION public.crypt(text, text) TO PUBLIC;
