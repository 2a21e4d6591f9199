INSERT INTO customers (name) VALUES ('ann'), ('bob');
INSERT INTO orders VALUES (1, 1), (2, 2);
