-- Hand-written: rows out of key order, values spelled other than the
-- database prints them (upper-case uuid, 1.500 for 1.5, 't', a timestamp
-- with an offset, a quoted number, a cast): the plan must converge.
INSERT INTO public.samples (id, t, b, j, jb, arr, tarr, n, f, r, ts, tsz, d, iv, m, ok, ip, c, big) VALUES ('00000000-0000-0000-0000-00000000000A', 'ten', NULL, NULL, '{"a":1}', '{ 1, 2 }', NULL, 1.500, '1', NULL, '2024-01-01 02:00:00+02', NULL, '2024-01-31'::date, '36 hours', NULL, 't', NULL, 'x  ', NULL);
insert into samples (id, t, b, j, jb, arr, tarr, n, f, r, ts, tsz, d, iv, m, ok, ip, c, big) values ('00000000-0000-0000-0000-000000000001', 'keep', NULL, NULL, NULL, NULL, NULL, '1.5', NULL, NULL, NULL, NULL, NULL, NULL, NULL, TRUE, NULL, NULL, NULL);

INSERT INTO public.samples (id, t, b, j, jb, arr, tarr, n, f, r, ts, tsz, d, iv, m, ok, ip, c, big) VALUES ('00000000-0000-0000-0000-000000000002', 'changed', NULL, NULL, NULL, NULL, NULL, 2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, false, NULL, NULL, NULL); -- edited
