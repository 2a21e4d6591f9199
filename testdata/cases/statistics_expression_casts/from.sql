-- Statistics objects on expressions, written without the casts PostgreSQL
-- stores ('x'::text): they must compare equal to the stored ones; s3 is
-- new and s2 changes.
CREATE TABLE t (a int, b text, c numeric);
CREATE STATISTICS s1 ON (a + 1), (b || 'x') FROM t;
CREATE STATISTICS s2 (ndistinct) ON a, (c * 2) FROM t;
