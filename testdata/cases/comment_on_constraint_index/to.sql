CREATE TABLE t (id int PRIMARY KEY, code text CONSTRAINT t_code_key UNIQUE, other text CONSTRAINT t_other_key UNIQUE);
COMMENT ON INDEX t_pkey IS 'new comment';
COMMENT ON INDEX t_code_key IS 'the index''s own';
COMMENT ON CONSTRAINT t_code_key ON t IS 'the constraint''s own';

-- The constraint is recreated: its index gets its comment again.
CREATE TABLE r (a int, b int, CONSTRAINT r_key UNIQUE (a, b));
COMMENT ON INDEX r_key IS 'kept across the recreation';

-- A new table with a commented key index.
CREATE TABLE n (id int CONSTRAINT n_pk PRIMARY KEY);
COMMENT ON INDEX n_pk IS 'new table''s key';
