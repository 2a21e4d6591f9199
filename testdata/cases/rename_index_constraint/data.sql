INSERT INTO products VALUES (1, 'A-1', 9.5), (2, 'B-2', 3);
INSERT INTO order_lines VALUES (1, 1);
