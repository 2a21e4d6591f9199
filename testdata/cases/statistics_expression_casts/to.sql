CREATE TABLE t (a int, b text, c numeric);
CREATE STATISTICS s1 ON (a + 1), (b || 'x') FROM t;
CREATE STATISTICS s2 (ndistinct) ON a, (c * 3) FROM t;
CREATE STATISTICS s3 ON (lower(b)), (c > 1) FROM t;
