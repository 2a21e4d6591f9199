INSERT INTO tickets VALUES (1, 'new', '{new}'), (2, 'open', '{new,open}'), (3, 'closed', NULL);
