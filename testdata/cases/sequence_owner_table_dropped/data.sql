SELECT nextval('s1') FROM generate_series(1, 7);
