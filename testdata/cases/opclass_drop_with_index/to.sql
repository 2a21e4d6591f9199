CREATE FUNCTION public.rev_cmp(a integer, b integer) RETURNS integer LANGUAGE sql IMMUTABLE STRICT AS 'SELECT btint4cmp(b, a)';
-- The classes go with the indexes using them; the explicit hash family
-- is dropped too; the implicit btree family stays as its own file
-- would keep it (PostgreSQL does not drop it with its class).
CREATE OPERATOR FAMILY public.rev_int_ops USING btree;
CREATE TABLE public.scores (id integer PRIMARY KEY, points integer);
