-- NOT NULL set on a parent after its partitions and children exist
-- reaches them all (ALTER TABLE recurses), and a primary key added later
-- makes the partitions' key columns NOT NULL too.
CREATE TABLE public.m (a int, b int, c int) PARTITION BY LIST (a);
CREATE TABLE public.m_1 PARTITION OF public.m FOR VALUES IN (1);
CREATE TABLE public.m_2 PARTITION OF public.m FOR VALUES IN (2);
ALTER TABLE public.m ALTER COLUMN b SET NOT NULL;
ALTER TABLE public.m ADD PRIMARY KEY (a, c);
CREATE TABLE public.inh_parent (a int, b int);
CREATE TABLE public.inh_child (c int) INHERITS (public.inh_parent);
ALTER TABLE public.inh_parent ALTER COLUMN b SET NOT NULL;
