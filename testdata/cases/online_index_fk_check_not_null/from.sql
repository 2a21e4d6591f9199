CREATE TABLE public.customers (
	id integer PRIMARY KEY,
	name text
);
CREATE TABLE public.orders (
	id integer PRIMARY KEY,
	customer_id integer,
	amount numeric(10,2),
	note text,
	placed_at timestamp
);
CREATE INDEX orders_placed_at_idx ON public.orders (placed_at);
CREATE INDEX orders_note_idx ON public.orders (note);
