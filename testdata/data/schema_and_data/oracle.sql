SELECT p.code, p.price, p.seats, p.label, string_agg(f.name, ',' ORDER BY f.name)
FROM public.plans p LEFT JOIN public.features f ON f.plan_code = p.code
GROUP BY 1, 2, 3, 4 ORDER BY 1
