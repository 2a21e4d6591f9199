-- A new value, used by the new default: ADD VALUE cannot be used in the
-- transaction that adds it, so both run after the plan's transaction.
CREATE TYPE public.invoice_status AS ENUM ('draft', 'open', 'paid');
CREATE TABLE public.invoices (
    id integer PRIMARY KEY,
    status public.invoice_status NOT NULL DEFAULT 'draft'
);
