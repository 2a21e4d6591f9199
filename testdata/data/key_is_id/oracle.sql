SELECT 'statuses', id, name FROM public.statuses
UNION ALL SELECT 'kinds', id, name FROM public.kinds
UNION ALL SELECT 'next status id', nextval('public.statuses_id_seq'), NULL
UNION ALL SELECT 'next kind id', nextval(pg_get_serial_sequence('public.kinds', 'id')), NULL
ORDER BY 1, 2
