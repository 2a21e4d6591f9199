SELECT count(*) = 2
   AND sum(price) = 10
   AND bool_or(feeling::text = 'happy')
   AND bool_or(prices = '{1.00,2.00}')
FROM items;
