-- The language goes with its handlers and the routines written in it:
-- the column default first, then the routines, the language, and last
-- its handler functions.
CREATE TABLE public.t (
    id integer PRIMARY KEY,
    n integer
);
