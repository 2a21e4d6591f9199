CREATE TABLE public.old_t (a integer);
CREATE DOMAIN public.old_dt AS public.old_t;
CREATE TABLE public.old_holder (v public.old_dt);
