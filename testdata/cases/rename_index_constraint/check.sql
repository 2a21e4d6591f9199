SELECT (SELECT count(*) FROM products) = 2 AND (SELECT count(*) FROM order_lines) = 1;
