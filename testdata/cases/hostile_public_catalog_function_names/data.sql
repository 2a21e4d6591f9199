INSERT INTO public.invoices (note, obsolete) SELECT 'n' || i, 'o' FROM generate_series(1, 20) AS i;
