CREATE TABLE public.orders (id bigint PRIMARY KEY, total numeric NOT NULL);
CREATE TABLE public.audit (id bigint PRIMARY KEY);
CREATE TABLE public.invoices (id bigint PRIMARY KEY);
GRANT SELECT, INSERT ON public.orders TO app_rw;
GRANT SELECT ON public.orders, public.invoices TO app_ro;
GRANT SELECT, INSERT, UPDATE ON TABLE invoices TO app_rw;
-- app_ro loses everything on audit, app_rw keeps all but TRUNCATE.
GRANT ALL ON public.audit TO app_rw;
REVOKE TRUNCATE ON public.audit FROM app_rw;
