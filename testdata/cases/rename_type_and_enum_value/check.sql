SELECT count(*) = 2
   AND count(*) FILTER (WHERE c = 'green' AND s::text = 'blue' AND (p).b = 2) = 1
   AND count(*) FILTER (WHERE s::text = 'green') = 1
FROM things;
