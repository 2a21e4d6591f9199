SELECT count(*) = 3
   AND count(*) FILTER (WHERE status = 'open' AND history = '{new,open}') = 1
   AND count(*) FILTER (WHERE status = 'closed') = 1
FROM tickets;
