SELECT (SELECT count(*) FROM core.accounts) = 2
   AND (SELECT count(*) FROM public.notes n JOIN core.accounts a ON a.id = n.account_id AND a.kind = 'b') = 1;
