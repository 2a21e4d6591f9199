-- Cycles through SQL-standard bodies, which PostgreSQL checks at
-- creation: the CHECK and the DEFAULT of nodes call routines whose bodies
-- read nodes itself. The table must come first without them, then the
-- routines, then the CHECK and the DEFAULT (as pg_dump writes it).
CREATE TABLE public.keep (id integer PRIMARY KEY);
CREATE TABLE public.nodes (id integer PRIMARY KEY, parent integer);
CREATE FUNCTION public.parent_ok(p integer) RETURNS boolean LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT p IS NULL OR EXISTS (SELECT 1 FROM public.nodes WHERE id = p);
END;
CREATE FUNCTION public.next_node_id() RETURNS integer LANGUAGE sql VOLATILE
RETURN (SELECT coalesce(max(id), 0) + 1 FROM public.nodes);
ALTER TABLE public.nodes ALTER COLUMN id SET DEFAULT public.next_node_id();
ALTER TABLE public.nodes ADD CONSTRAINT nodes_parent_ok CHECK (public.parent_ok(parent));
