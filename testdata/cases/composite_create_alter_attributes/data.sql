INSERT INTO people VALUES (1, ROW('Main St 1', 'Springfield', 12345));
