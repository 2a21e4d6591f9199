CREATE TABLE t (id int, a text, b text, c numeric, e int, f int, g text);
-- Unchanged.
ALTER TABLE t ALTER COLUMN a SET STATISTICS 100;
-- b goes back to the default; id gets a target; so does the new column g.
ALTER TABLE t ALTER COLUMN id SET STATISTICS 0;
ALTER TABLE t ALTER COLUMN g SET STATISTICS 1000;
-- One option changes and one goes; e gets options; f loses them.
ALTER TABLE t ALTER COLUMN c SET (n_distinct = 100);
ALTER TABLE t ALTER COLUMN e SET (n_distinct_inherited = -1, n_distinct = 3);

-- A parent's and a child's own targets (SET STATISTICS without ONLY
-- reaches the children too).
CREATE TABLE p (id int, v text);
CREATE TABLE k () INHERITS (p);
ALTER TABLE ONLY p ALTER COLUMN v SET STATISTICS 60;
ALTER TABLE ONLY k ALTER COLUMN v SET STATISTICS 70;
