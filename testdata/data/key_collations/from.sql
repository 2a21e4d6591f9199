CREATE TABLE public.icu_keys (k text COLLATE "und-x-icu" PRIMARY KEY, v text);
CREATE TABLE public.c_keys (k text COLLATE "C" PRIMARY KEY, v text);
CREATE TABLE public.default_keys (k character varying(40) PRIMARY KEY, v text);
CREATE TABLE public.uuid_keys (k uuid PRIMARY KEY, v text);
CREATE TABLE public.mixed_keys (
    a text COLLATE "und-x-icu",
    b integer,
    c uuid,
    d text COLLATE "C",
    v text,
    PRIMARY KEY (a, b, c, d)
);
INSERT INTO public.icu_keys (k, v) VALUES
    ('a', NULL),
    ('B', 'v1'),
    ('b', 'v2'),
    ('Z', 'v3'),
    ('z', 'v4'),
    ('e', NULL),
    ('É', 'v6'),
    ('ä', 'v7'),
    ('Ä', 'v8'),
    ('10', 'v9'),
    ('', NULL),
    (' x', 'v11'),
    ('x ', 'v12'),
    ('Ω', 'v13'),
    ('日本', 'v14'),
    ('aa', NULL),
    ('a-b', 'v16'),
    ('ab', 'v17'),
    ('Ab', 'v18'),
    ('_u', 'v19');
INSERT INTO public.c_keys (k, v) VALUES
    ('a', NULL),
    ('B', 'v1'),
    ('b', 'v2'),
    ('Z', 'v3'),
    ('z', 'v4'),
    ('e', NULL),
    ('É', 'v6'),
    ('ä', 'v7'),
    ('Ä', 'v8'),
    ('10', 'v9'),
    ('', NULL),
    (' x', 'v11'),
    ('x ', 'v12'),
    ('Ω', 'v13'),
    ('日本', 'v14'),
    ('aa', NULL),
    ('a-b', 'v16'),
    ('ab', 'v17'),
    ('Ab', 'v18'),
    ('_u', 'v19');
INSERT INTO public.default_keys (k, v) VALUES
    ('a', NULL),
    ('B', 'v1'),
    ('b', 'v2'),
    ('Z', 'v3'),
    ('z', 'v4'),
    ('e', NULL),
    ('É', 'v6'),
    ('ä', 'v7'),
    ('Ä', 'v8'),
    ('10', 'v9'),
    ('', NULL),
    (' x', 'v11'),
    ('x ', 'v12'),
    ('Ω', 'v13'),
    ('日本', 'v14'),
    ('aa', NULL),
    ('a-b', 'v16'),
    ('ab', 'v17'),
    ('Ab', 'v18'),
    ('_u', 'v19');
INSERT INTO public.uuid_keys (k, v) VALUES
    ('00000000-0000-0000-0000-000000000001', NULL),
    ('ffffffff-0000-0000-0000-000000000000', 'v1'),
    ('0a000000-0000-0000-0000-000000000000', 'v2'),
    ('a0000000-0000-0000-0000-000000000000', 'v3'),
    ('b0000000-0000-0000-0000-00000000000f', 'v4');
INSERT INTO public.mixed_keys (a, b, c, d, v) VALUES
    ('b', 2, '00000000-0000-0000-0000-000000000001', 'x', 'm0'),
    ('b', 2, '00000000-0000-0000-0000-000000000001', 'X', 'm1'),
    ('b', 2, '00000000-0000-0000-0000-000000000001', 'ü', 'm2'),
    ('b', 2, 'ffffffff-0000-0000-0000-000000000000', 'x', 'm3'),
    ('b', 2, 'ffffffff-0000-0000-0000-000000000000', 'X', 'm4'),
    ('b', 2, 'ffffffff-0000-0000-0000-000000000000', 'ü', 'm5'),
    ('b', 10, '00000000-0000-0000-0000-000000000001', 'x', 'm6');
