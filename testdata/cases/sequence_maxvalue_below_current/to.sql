-- s has handed out 50 and its MAXVALUE drops to 20; d counts down and
-- its MINVALUE rises above its current value.
CREATE SEQUENCE s AS integer MAXVALUE 20 CYCLE;
CREATE SEQUENCE d AS integer INCREMENT BY -1 MINVALUE -10 MAXVALUE -1 START WITH -1;
