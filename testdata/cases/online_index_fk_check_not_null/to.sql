CREATE TABLE public.customers (
	id integer PRIMARY KEY,
	name text NOT NULL
);
CREATE TABLE public.orders (
	id integer PRIMARY KEY,
	customer_id integer REFERENCES public.customers (id),
	amount numeric(10,2) CONSTRAINT orders_amount_check CHECK (amount >= 0),
	note text NOT NULL,
	placed_at timestamp
);
CREATE INDEX orders_customer_id_idx ON public.orders (customer_id);
COMMENT ON INDEX public.orders_customer_id_idx IS 'orders by customer';
CREATE INDEX orders_placed_at_idx ON public.orders (placed_at DESC);
