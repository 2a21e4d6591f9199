-- The schema files after the change under review: a new customers table
-- referenced by orders, orders.total widened to numeric, orders.note
-- dropped, a new index, the view reworked, the function's body changed.
CREATE TABLE public.customers (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email text NOT NULL UNIQUE,
    name text NOT NULL
);

CREATE TABLE public.orders (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_name text NOT NULL,
    customer_id bigint REFERENCES public.customers (id),
    total numeric(12,2) NOT NULL,
    created_at timestamp with time zone NOT NULL DEFAULT now()
);

CREATE INDEX orders_customer_id_idx ON public.orders (customer_id);

CREATE VIEW public.order_totals AS
SELECT customer_name, count(*) AS orders, sum(total) AS total
FROM public.orders
GROUP BY customer_name;

CREATE FUNCTION public.order_tax(amount numeric) RETURNS numeric
LANGUAGE sql IMMUTABLE
AS $$ SELECT round(amount * 0.2, 2) $$;
