-- Operators (with commutator, negator, estimators, a prefix operator, one
-- in a schema of its own) used by a CHECK, an index expression, a view and
-- an SQL function; rules on a table and on a view (enabled states,
-- comments); grants on a foreign-data wrapper and a server.
CREATE SCHEMA geo;

CREATE FUNCTION geo.near(a integer, b integer) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'SELECT abs(a - b) <= 1';
CREATE FUNCTION geo.far(a integer, b integer) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'SELECT abs(a - b) > 1';
CREATE OPERATOR geo.~~ (
    FUNCTION = geo.near,
    LEFTARG = integer,
    RIGHTARG = integer,
    COMMUTATOR = OPERATOR(geo.~~),
    NEGATOR = OPERATOR(geo.!~~),
    RESTRICT = eqsel,
    JOIN = eqjoinsel
);
CREATE OPERATOR geo.!~~ (FUNCTION = geo.far, LEFTARG = integer, RIGHTARG = integer,
    COMMUTATOR = OPERATOR(geo.!~~), NEGATOR = OPERATOR(geo.~~));
COMMENT ON OPERATOR geo.~~ (integer, integer) IS 'within one of each other';
CREATE OPERATOR public.## (FUNCTION = int4abs, RIGHTARG = integer);

CREATE TABLE public.readings (
    id integer PRIMARY KEY,
    a integer NOT NULL,
    b integer NOT NULL,
    CONSTRAINT readings_close CHECK (a OPERATOR(geo.~~) b OR a OPERATOR(geo.!~~) b)
);
CREATE INDEX readings_near ON public.readings ((a OPERATOR(geo.~~) 0));
CREATE VIEW public.close_readings AS SELECT id, a, b, OPERATOR(public.##) (a - b) AS gap FROM public.readings WHERE a OPERATOR(geo.~~) b;
CREATE FUNCTION public.is_close(x integer, y integer) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'SELECT x OPERATOR(geo.~~) y';

CREATE TABLE public.reading_log (id integer, a integer, logged_at timestamp with time zone DEFAULT now());
CREATE RULE log_readings AS ON INSERT TO public.readings DO ALSO INSERT INTO public.reading_log (id, a) VALUES (new.id, new.a);
COMMENT ON RULE log_readings ON public.readings IS 'every reading is logged';
CREATE RULE keep_first AS ON DELETE TO public.readings WHERE old.id < 10 DO INSTEAD NOTHING;
ALTER TABLE public.readings DISABLE RULE keep_first;
CREATE RULE no_log_update AS ON UPDATE TO public.reading_log DO INSTEAD NOTHING;
ALTER TABLE public.reading_log ENABLE ALWAYS RULE no_log_update;
CREATE RULE close_insert AS ON INSERT TO public.close_readings DO INSTEAD INSERT INTO public.readings (id, a, b) VALUES (new.id, new.a, new.b);

CREATE FOREIGN DATA WRAPPER granted_fdw;
GRANT USAGE ON FOREIGN DATA WRAPPER granted_fdw TO fid_app WITH GRANT OPTION;
CREATE SERVER granted_srv FOREIGN DATA WRAPPER granted_fdw;
GRANT USAGE ON FOREIGN SERVER granted_srv TO fid_reader, PUBLIC;
