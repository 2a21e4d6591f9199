SELECT co.code, co.name, ci.name, ci.population
FROM public.countries co LEFT JOIN public.cities ci ON ci.country_id = co.id
ORDER BY co.code, ci.name
