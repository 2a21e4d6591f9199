INSERT INTO public.customers SELECT g, 'c' || g FROM generate_series(1, 50) g;
INSERT INTO public.orders SELECT g, 1 + g % 50, g, 'n' || g, now() FROM generate_series(1, 500) g;
