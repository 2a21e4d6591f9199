-- it restarted at the end of integer's range
WITH n AS (INSERT INTO t (name) VALUES ('c') RETURNING id) SELECT (SELECT id FROM n) = 2147483647;
