SELECT * FROM (
    SELECT 'icu' AS t, k::text AS k, v FROM public.icu_keys
    UNION ALL SELECT 'c', k, v FROM public.c_keys
    UNION ALL SELECT 'default', k::text, v FROM public.default_keys
    UNION ALL SELECT 'uuid', k::text, v FROM public.uuid_keys
    UNION ALL SELECT 'mixed', concat_ws('|', a, b, c, d), v FROM public.mixed_keys
) AS u
ORDER BY t, k COLLATE "C"
