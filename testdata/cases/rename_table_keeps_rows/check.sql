-- rows survive, and the serial sequence (renamed with the table) goes on
-- where it was
SELECT (SELECT count(*) FROM clients) = 2
   AND (SELECT count(*) FROM orders o JOIN clients c ON c.id = o.customer_id) = 2
   AND nextval('clients_id_seq') = 3;
