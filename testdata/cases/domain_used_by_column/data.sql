INSERT INTO items VALUES (1, 10, '{1,2}', 'happy'), (2, 0, NULL, NULL);
