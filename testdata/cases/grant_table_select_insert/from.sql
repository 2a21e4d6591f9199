CREATE TABLE public.orders (id bigint PRIMARY KEY, total numeric NOT NULL);
CREATE TABLE public.audit (id bigint PRIMARY KEY);
GRANT SELECT, DELETE ON public.orders TO app_rw;
GRANT SELECT ON public.audit TO app_ro;
GRANT ALL ON public.audit TO app_rw;
