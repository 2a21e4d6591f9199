-- Only builtin settings are reference data; updated_at differs per
-- database and is ignored; the user's setting must survive.
CREATE TABLE public.settings (
    key text PRIMARY KEY,
    value text,
    builtin boolean NOT NULL DEFAULT false,
    updated_at timestamp with time zone NOT NULL DEFAULT now()
);
INSERT INTO public.settings (key, value, builtin, updated_at) VALUES
    ('theme', 'light', true, '2024-06-01'),
    ('lang', 'en', true, '2024-06-01'),
    ('user.other', 'theirs', false, '2024-06-01');
