SELECT key, value, builtin FROM public.settings WHERE builtin ORDER BY key
