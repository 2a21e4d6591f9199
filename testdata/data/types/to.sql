CREATE TYPE public.mood AS ENUM ('happy', 'sad', 'ok');
CREATE TABLE public.samples (
    id uuid PRIMARY KEY,
    t text,
    b bytea,
    j json,
    jb jsonb,
    arr integer[],
    tarr text[],
    n numeric(12,3),
    f double precision,
    r real,
    ts timestamp with time zone,
    tsz timestamp without time zone,
    d date,
    iv interval,
    m public.mood,
    ok boolean,
    ip inet,
    c character(3),
    big bigint
);
SET TimeZone = 'America/New_York';
INSERT INTO public.samples VALUES
    ('00000000-0000-0000-0000-000000000001', 'keep', NULL, NULL, NULL, NULL, NULL, 1.5, NULL, NULL, NULL, NULL, NULL, NULL, NULL, true, NULL, NULL, NULL),
    ('00000000-0000-0000-0000-000000000002', E'line one\nline two\ttab ''quoted'' back\\slash "dq" -- not a comment; (paren', '\x00ff10'::bytea,
     '{"b": 1,  "a": [1, 2]}', '{"b": 1, "a": {"x": null}}', '{1,NULL,3}', ARRAY['a b', 'c,d', 'e"f', NULL, ''],
     -12345.678, 'NaN', '-Infinity', '2024-02-29 23:59:59.123456-08', '1999-12-31 00:00:00', '2000-01-01', '1 year 2 mons 3 days 04:05:06.7',
     'sad', false, '10.0.0.1/8', 'ab', 9223372036854775807),
    ('00000000-0000-0000-0000-000000000003', 'unicode: äöü ✓ 日本', '\x'::bytea, 'null', '[]', '{}', '{}',
     0, 1e-300, 3.25, 'infinity', '-infinity', '4713-01-01 BC', '-1 days', 'happy', NULL, '::1', NULL, -1),
    ('00000000-0000-0000-0000-000000000004', '', NULL, NULL, NULL, NULL, NULL, NULL, 0.1, NULL, NULL, NULL, NULL, NULL, 'ok', NULL, NULL, NULL, 0);
