INSERT INTO tasks VALUES (1, 'high'), (2, 'low'), (3, 'medium');
