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
INSERT INTO public.samples (id, t, n, ok) VALUES
    ('00000000-0000-0000-0000-000000000001', 'keep', 1.5, true),
    ('00000000-0000-0000-0000-000000000002', 'change me', 2, false),
    ('00000000-0000-0000-0000-000000000009', 'delete me', NULL, NULL);
