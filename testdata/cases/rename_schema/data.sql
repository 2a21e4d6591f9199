INSERT INTO legacy.accounts (kind) VALUES ('a'), ('b');
INSERT INTO public.notes VALUES (1, 2);
