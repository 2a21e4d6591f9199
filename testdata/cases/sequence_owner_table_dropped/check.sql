SELECT nextval('s1') = 8;
