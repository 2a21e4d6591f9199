SELECT c.tenant_id, c.name, p.tenant_id, p.code, p.name
FROM public.children c LEFT JOIN public.parents p ON p.tenant_id = c.tenant_id AND p.id = c.parent_id
UNION ALL
SELECT p.tenant_id, NULL, NULL, p.code, p.name FROM public.parents p
ORDER BY 1, 2, 4
