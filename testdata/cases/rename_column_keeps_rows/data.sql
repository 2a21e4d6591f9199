INSERT INTO users VALUES (1, 'a@example.com', 'Ann A', 30), (2, 'b@example.com', NULL, NULL);
INSERT INTO logins VALUES (1, 'a@example.com');
