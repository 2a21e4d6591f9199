INSERT INTO public.accounts SELECT g, 'u' || g || '@example.com' FROM generate_series(1, 100) g;
