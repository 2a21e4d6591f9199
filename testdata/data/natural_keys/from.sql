-- Production: the same reference rows as staging under different ids.
CREATE TABLE public.countries (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code text NOT NULL UNIQUE,
    name text NOT NULL
);
CREATE TABLE public.cities (
    id bigserial PRIMARY KEY,
    country_id integer NOT NULL REFERENCES public.countries,
    name text NOT NULL,
    population integer,
    UNIQUE (country_id, name)
);
-- ids 1..3 used up by rows deleted long ago
INSERT INTO public.countries (code, name) VALUES ('xx', 'gone'), ('yy', 'gone'), ('zz', 'gone');
DELETE FROM public.countries;
INSERT INTO public.countries (code, name) VALUES ('fr', 'France'), ('de', 'Germany'), ('it', 'Italy');
INSERT INTO public.cities (country_id, name, population)
SELECT id, 'Paris', 2100000 FROM public.countries WHERE code = 'fr' UNION ALL
SELECT id, 'Berlin', 3500000 FROM public.countries WHERE code = 'de' UNION ALL
SELECT id, 'Rome', 2800000 FROM public.countries WHERE code = 'it';
