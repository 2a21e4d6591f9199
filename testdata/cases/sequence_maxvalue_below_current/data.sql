SELECT nextval('s') FROM generate_series(1, 50);
SELECT nextval('d') FROM generate_series(1, 50);
