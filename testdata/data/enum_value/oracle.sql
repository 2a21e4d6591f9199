SELECT name, tier::text FROM public.levels ORDER BY name
