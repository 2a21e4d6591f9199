SELECT count(*) = 20 AND min(number) = 1000 FROM public.invoices
