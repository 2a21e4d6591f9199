CREATE TABLE t (id int PRIMARY KEY, code text CONSTRAINT t_code_key UNIQUE, other text CONSTRAINT t_other_key UNIQUE);
COMMENT ON INDEX t_pkey IS 'old comment';
COMMENT ON INDEX t_other_key IS 'goes away';
COMMENT ON CONSTRAINT t_code_key ON t IS 'the constraint''s own';

CREATE TABLE r (a int, b int, CONSTRAINT r_key UNIQUE (a));
COMMENT ON INDEX r_key IS 'kept across the recreation';
