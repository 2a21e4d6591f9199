SELECT count(*) = 500 FROM public.orders
