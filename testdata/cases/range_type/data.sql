INSERT INTO readings VALUES (1, '[1.5,2.5)'), (2, 'empty');
