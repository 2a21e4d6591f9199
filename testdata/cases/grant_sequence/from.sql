CREATE SEQUENCE public.ticket_seq;
CREATE TABLE public.tickets (id serial PRIMARY KEY, title text);
GRANT SELECT ON SEQUENCE public.ticket_seq TO app_ro;
