-- A column dropped, one added with a default, one added nullable; a new
-- data table created in the same plan that references the first.
CREATE TABLE public.plans (
    code text PRIMARY KEY,
    price numeric(8,2) NOT NULL,
    seats integer NOT NULL DEFAULT 1,
    label text
);
CREATE TABLE public.features (
    id serial PRIMARY KEY,
    plan_code text NOT NULL REFERENCES public.plans,
    name text NOT NULL,
    UNIQUE (plan_code, name)
);
INSERT INTO public.plans VALUES ('free', 0, 1, NULL), ('pro', 12, 1, 'Pro'), ('team', 30, 10, 'Team'), ('enterprise', 100, 100, 'Enterprise');
INSERT INTO public.features (plan_code, name) VALUES ('pro', 'sso'), ('team', 'sso'), ('team', 'audit'), ('enterprise', 'sso');
