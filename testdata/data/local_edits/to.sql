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
INSERT INTO public.samples (id, t, n, f, ts, d, iv, ok, jb, arr, c) VALUES
    ('00000000-0000-0000-0000-00000000000a', 'ten', 1.5, 1, '2024-01-01 00:00:00+00', '2024-01-31', '36:00:00', true, '{"a": 1}', '{1,2}', 'x'),
    ('00000000-0000-0000-0000-000000000001', 'keep', 1.5, NULL, NULL, NULL, NULL, true, NULL, NULL, NULL),
    ('00000000-0000-0000-0000-000000000002', 'changed', 2, NULL, NULL, NULL, NULL, false, NULL, NULL, NULL);
