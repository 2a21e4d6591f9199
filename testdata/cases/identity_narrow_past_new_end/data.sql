INSERT INTO t (name) VALUES ('a'), ('b');
SELECT setval(pg_get_serial_sequence('t', 'id'), 3000000000);
