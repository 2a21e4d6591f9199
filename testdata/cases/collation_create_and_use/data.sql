INSERT INTO words VALUES (1, 'Apple'), (2, 'banana');
