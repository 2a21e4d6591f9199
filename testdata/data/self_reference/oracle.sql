SELECT c.code, c.name, p.code FROM public.categories c LEFT JOIN public.categories p ON p.id = c.parent_id ORDER BY c.code
