SELECT to_jsonb(s)::text FROM public.samples s ORDER BY id
