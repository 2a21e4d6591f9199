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
    ('B', 'v1 changed'),
    ('Z', 'v2'),
    ('z', NULL),
    ('é', 'v4'),
    ('e', 'was null changed'),
    ('É', 'v6'),
    ('Ä', 'v7'),
    ('10', 'v8'),
    ('9', 'v9 changed'),
    ('', NULL),
    (' x', 'v11'),
    ('Ω', 'v12'),
    ('日本', 'v13 changed'),
    ('😀', 'v14'),
    ('aa', NULL),
    ('a-b', 'v16'),
    ('Ab', NULL),
    ('_u', 'v18'),
    ('~t', 'v19');
INSERT INTO public.c_keys (k, v) VALUES
    ('a', NULL),
    ('B', 'v1 changed'),
    ('Z', 'v2'),
    ('z', NULL),
    ('é', 'v4'),
    ('e', 'was null changed'),
    ('É', 'v6'),
    ('Ä', 'v7'),
    ('10', 'v8'),
    ('9', 'v9 changed'),
    ('', NULL),
    (' x', 'v11'),
    ('Ω', 'v12'),
    ('日本', 'v13 changed'),
    ('😀', 'v14'),
    ('aa', NULL),
    ('a-b', 'v16'),
    ('Ab', NULL),
    ('_u', 'v18'),
    ('~t', 'v19');
INSERT INTO public.default_keys (k, v) VALUES
    ('a', NULL),
    ('B', 'v1 changed'),
    ('Z', 'v2'),
    ('z', NULL),
    ('é', 'v4'),
    ('e', 'was null changed'),
    ('É', 'v6'),
    ('Ä', 'v7'),
    ('10', 'v8'),
    ('9', 'v9 changed'),
    ('', NULL),
    (' x', 'v11'),
    ('Ω', 'v12'),
    ('日本', 'v13 changed'),
    ('😀', 'v14'),
    ('aa', NULL),
    ('a-b', 'v16'),
    ('Ab', NULL),
    ('_u', 'v18'),
    ('~t', 'v19');
INSERT INTO public.uuid_keys (k, v) VALUES
    ('00000000-0000-0000-0000-000000000001', NULL),
    ('0a000000-0000-0000-0000-000000000000', 'v1 changed'),
    ('a0000000-0000-0000-0000-000000000000', 'v2'),
    ('9fffffff-ffff-ffff-ffff-ffffffffffff', NULL),
    ('b0000000-0000-0000-0000-00000000000f', 'v4');
INSERT INTO public.mixed_keys (a, b, c, d, v) VALUES
    ('b', 2, '00000000-0000-0000-0000-000000000001', 'x', 'm0 changed'),
    ('b', 2, '00000000-0000-0000-0000-000000000001', 'X', 'm1'),
    ('b', 2, '00000000-0000-0000-0000-000000000001', 'ü', 'm2'),
    ('b', 2, 'ffffffff-0000-0000-0000-000000000000', 'x', 'm3');
