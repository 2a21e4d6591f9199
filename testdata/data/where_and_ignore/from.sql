CREATE TABLE public.settings (
    key text PRIMARY KEY,
    value text,
    builtin boolean NOT NULL DEFAULT false,
    updated_at timestamp with time zone NOT NULL DEFAULT now()
);
INSERT INTO public.settings (key, value, builtin, updated_at) VALUES
    ('theme', 'dark', true, '2020-01-01'),
    ('old', 'x', true, '2020-01-01'),
    ('user.pref', 'mine', false, '2020-01-01');
