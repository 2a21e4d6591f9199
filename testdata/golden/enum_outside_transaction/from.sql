-- An enum whose new value is used in the same plan.
CREATE TYPE public.invoice_status AS ENUM ('open', 'paid');
CREATE TABLE public.invoices (
    id integer PRIMARY KEY,
    status public.invoice_status NOT NULL DEFAULT 'open'
);
