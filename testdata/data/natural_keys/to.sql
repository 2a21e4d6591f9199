-- Staging: Germany renamed, Italy gone, Austria new; cities follow.
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
INSERT INTO public.countries (code, name) VALUES ('de', 'Deutschland'), ('at', 'Austria'), ('fr', 'France');
INSERT INTO public.cities (country_id, name, population)
SELECT id, 'Berlin', 3600000 FROM public.countries WHERE code = 'de' UNION ALL
SELECT id, 'Hamburg', 1800000 FROM public.countries WHERE code = 'de' UNION ALL
SELECT id, 'Wien', 1900000 FROM public.countries WHERE code = 'at' UNION ALL
SELECT id, 'Paris', 2100000 FROM public.countries WHERE code = 'fr';
