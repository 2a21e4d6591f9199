SELECT 'member', t.slug, m.login, tt.slug, tm.code
FROM public.members m
JOIN public.tenants t ON t.id = m.tenant_id
LEFT JOIN public.teams tm ON tm.tenant_id = m.tenant_id AND tm.id = m.team_id
LEFT JOIN public.tenants tt ON tt.id = tm.tenant_id
UNION ALL
SELECT 'shop', s.code, a.street, ci.name, co.code
FROM public.shops s
LEFT JOIN public.addresses a ON a.id = s.address_id
LEFT JOIN public.cities ci ON ci.id = a.city_id
LEFT JOIN public.countries co ON co.id = ci.country_id
UNION ALL
SELECT 'address', co.code, ci.name, a.street, NULL
FROM public.addresses a JOIN public.cities ci ON ci.id = a.city_id JOIN public.countries co ON co.id = ci.country_id
ORDER BY 1, 2, 3, 4, 5
