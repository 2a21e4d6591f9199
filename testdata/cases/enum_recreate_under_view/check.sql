SELECT array_agg(id ORDER BY category) = '{2,1}' FROM v;
