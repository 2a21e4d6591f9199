SELECT count(*) = 100 FROM public.accounts
