-- The database before the change under review.
CREATE TABLE public.orders (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_name text NOT NULL,
    total integer NOT NULL,
    note text,
    created_at timestamp with time zone NOT NULL DEFAULT now()
);

CREATE VIEW public.order_totals AS
SELECT customer_name, sum(total) AS total
FROM public.orders
GROUP BY customer_name;

CREATE FUNCTION public.order_tax(amount numeric) RETURNS numeric
LANGUAGE sql IMMUTABLE
AS $$ SELECT amount * 0.2 $$;
