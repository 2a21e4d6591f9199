SELECT s.name, r.code FROM public.stores s JOIN public.regions r ON r.id = s.region_id ORDER BY 1
