-- the identity goes on after the rows it numbered, and can pass integer's range
WITH n AS (INSERT INTO t (name) VALUES ('d') RETURNING id)
SELECT (SELECT id FROM n) = 4
   AND (SELECT seqtypid = 'bigint'::regtype AND seqmax = 9223372036854775807 FROM pg_sequence WHERE seqrelid = 't_id_seq'::regclass);
