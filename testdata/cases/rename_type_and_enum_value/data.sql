INSERT INTO things VALUES (1, 'grean', 'blue', ROW(1, 2)), (2, 'red', 'grean', NULL);
