INSERT INTO item (price, qty) VALUES (1.5, 2);
