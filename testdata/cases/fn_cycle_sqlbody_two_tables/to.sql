-- A cycle through two tables: orders' CHECK calls a routine reading
-- limits, and limits' DEFAULT calls a routine reading orders; both
-- bodies are SQL-standard, so each routine needs its table at creation.
CREATE TABLE public.keep (id integer PRIMARY KEY);
CREATE TABLE public.orders (id integer PRIMARY KEY, amount numeric NOT NULL);
CREATE TABLE public.limits (id integer PRIMARY KEY, max_amount numeric);
CREATE FUNCTION public.within_limit(a numeric) RETURNS boolean LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT a <= coalesce((SELECT max(max_amount) FROM public.limits), a);
END;
CREATE FUNCTION public.largest_order() RETURNS numeric LANGUAGE sql STABLE
RETURN (SELECT coalesce(max(amount), 100) FROM public.orders);
ALTER TABLE public.orders ADD CONSTRAINT orders_within_limit CHECK (public.within_limit(amount));
ALTER TABLE public.limits ALTER COLUMN max_amount SET DEFAULT public.largest_order();
