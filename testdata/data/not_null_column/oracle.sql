SELECT * FROM public.units ORDER BY code
