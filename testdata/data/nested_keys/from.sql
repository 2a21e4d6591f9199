-- Production: other ids everywhere (rows inserted in another order).
CREATE TABLE public.tenants (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slug text NOT NULL UNIQUE
);
-- teams keyed by (tenant -> tenants.slug, code): a nested natural key.
CREATE TABLE public.teams (
    tenant_id integer NOT NULL REFERENCES public.tenants,
    id integer GENERATED ALWAYS AS IDENTITY,
    code text NOT NULL,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, code)
);
-- members: a foreign key of two columns to teams, whose key nests.
CREATE TABLE public.members (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id integer NOT NULL REFERENCES public.tenants,
    team_id integer,
    login text NOT NULL,
    UNIQUE (tenant_id, login),
    FOREIGN KEY (tenant_id, team_id) REFERENCES public.teams (tenant_id, id)
);
CREATE TABLE public.countries (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code text NOT NULL UNIQUE
);
CREATE TABLE public.cities (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    country_id integer NOT NULL REFERENCES public.countries,
    name text NOT NULL,
    UNIQUE (country_id, name)
);
-- addresses keyed by (city -> (country -> code, name), street): nested twice.
CREATE TABLE public.addresses (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    city_id integer NOT NULL REFERENCES public.cities,
    street text NOT NULL,
    UNIQUE (city_id, street)
);
CREATE TABLE public.shops (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code text NOT NULL UNIQUE,
    address_id integer REFERENCES public.addresses
);
INSERT INTO public.tenants (slug) VALUES ('zeta'), ('beta'), ('acme');
INSERT INTO public.teams (tenant_id, code) SELECT id, 'ops' FROM public.tenants WHERE slug = 'beta';
INSERT INTO public.teams (tenant_id, code) SELECT id, 'dev' FROM public.tenants WHERE slug = 'acme';
INSERT INTO public.teams (tenant_id, code) SELECT id, 'ops' FROM public.tenants WHERE slug = 'acme';
INSERT INTO public.members (tenant_id, team_id, login)
SELECT t.id, tm.id, 'ann' FROM public.tenants t JOIN public.teams tm ON tm.tenant_id = t.id AND tm.code = 'dev' WHERE t.slug = 'acme';
INSERT INTO public.countries (code) VALUES ('it'), ('fr'), ('de');
INSERT INTO public.cities (country_id, name) SELECT id, 'Springfield' FROM public.countries WHERE code = 'fr';
INSERT INTO public.cities (country_id, name) SELECT id, 'Springfield' FROM public.countries WHERE code = 'de';
INSERT INTO public.cities (country_id, name) SELECT id, 'Paris' FROM public.countries WHERE code = 'fr';
INSERT INTO public.addresses (city_id, street) SELECT ci.id, 'Main St' FROM public.cities ci JOIN public.countries co ON co.id = ci.country_id WHERE co.code = 'fr' AND ci.name = 'Springfield';
INSERT INTO public.addresses (city_id, street) SELECT ci.id, 'Main St' FROM public.cities ci JOIN public.countries co ON co.id = ci.country_id WHERE co.code = 'de' AND ci.name = 'Springfield';
INSERT INTO public.shops (code, address_id) SELECT 's1', a.id FROM public.addresses a JOIN public.cities ci ON ci.id = a.city_id JOIN public.countries co ON co.id = ci.country_id WHERE co.code = 'fr' AND ci.name = 'Springfield';
