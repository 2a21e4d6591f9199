CREATE TABLE public.m (a int, b int, c int) PARTITION BY LIST (a);
CREATE TABLE public.m_1 PARTITION OF public.m FOR VALUES IN (1);
CREATE TABLE public.inh_parent (a int, b int);
CREATE TABLE public.inh_child (c int) INHERITS (public.inh_parent);
