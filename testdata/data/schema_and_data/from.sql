CREATE TABLE public.plans (
    code text PRIMARY KEY,
    price numeric(8,2) NOT NULL,
    legacy text
);
INSERT INTO public.plans VALUES ('free', 0, 'a'), ('pro', 10, 'b'), ('team', 30, NULL);
