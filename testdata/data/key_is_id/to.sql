-- The key is the id: ids are written and inserted as they are, and the
-- sequences move past them so the application's next insert works.
CREATE TABLE public.statuses (
    id serial PRIMARY KEY,
    name text NOT NULL
);
CREATE TABLE public.kinds (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name text NOT NULL
);
INSERT INTO public.statuses (id, name) VALUES (1, 'new'), (2, 'open'), (10, 'closed'), (11, 'archived');
INSERT INTO public.kinds (id, name) OVERRIDING SYSTEM VALUE VALUES (1, 'a'), (5, 'e');
SELECT setval('public.statuses_id_seq', 11);
SELECT setval(pg_get_serial_sequence('public.kinds', 'id'), 5);
