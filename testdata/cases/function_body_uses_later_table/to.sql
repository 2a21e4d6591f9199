-- The default calls a function whose body reads a table that the plan
-- creates after the function (routines come before the tables and
-- defaults calling them): the plan needs check_function_bodies off, in
-- apply and in a saved plan run with psql. The comment is not ASCII: the
-- saved plan is UTF-8 whatever psql's client encoding.
SET check_function_bodies = off;
CREATE FUNCTION public.next_order_number() RETURNS integer
    LANGUAGE sql
    AS $$ SELECT coalesce(max(n), 0)::integer + 1 FROM public.order_numbers $$;
CREATE TABLE public.orders (
    id integer PRIMARY KEY,
    n integer DEFAULT public.next_order_number()
);
CREATE TABLE public.order_numbers (n integer);
COMMENT ON TABLE public.order_numbers IS 'numéros déjà attribués';
CREATE FUNCTION public.order_count() RETURNS bigint
    LANGUAGE plpgsql
    AS $$ BEGIN RETURN (SELECT count(*) FROM public.order_numbers); END $$;
