CREATE SEQUENCE public.ticket_seq;
CREATE SEQUENCE public.other_seq AS integer;
CREATE TABLE public.tickets (id serial PRIMARY KEY, title text);
GRANT ALL ON SEQUENCE public.ticket_seq TO app_rw;
GRANT USAGE ON SEQUENCE public.tickets_id_seq TO app_rw;
-- ON TABLE works for sequences; INSERT is ignored there (with a warning).
GRANT SELECT, INSERT ON TABLE public.other_seq TO app_ro;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO app_ro;
REVOKE USAGE ON SEQUENCE public.other_seq FROM app_ro;
