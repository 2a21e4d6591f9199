-- Routines over a type in public, owned by another role than the one
-- applying: the owners' keys must be printed as the model's
-- ("(m public.mood)"), whatever the session's search_path.
CREATE TYPE public.mood AS ENUM ('ok', 'bad');
CREATE SCHEMA app;
CREATE TYPE app.level AS ENUM ('low', 'high');
CREATE FUNCTION public.f(m mood) RETURNS integer LANGUAGE sql AS 'SELECT 1';
ALTER FUNCTION public.f(mood) OWNER TO own_b;
CREATE FUNCTION app.g(l app.level, m mood) RETURNS boolean LANGUAGE sql AS 'SELECT true';
ALTER FUNCTION app.g(app.level, mood) OWNER TO own_a;
CREATE PROCEDURE app.p(m mood) LANGUAGE sql AS 'SELECT 1';
ALTER PROCEDURE app.p(mood) OWNER TO own_a;
