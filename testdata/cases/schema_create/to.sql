CREATE SCHEMA billing;
COMMENT ON SCHEMA billing IS 'money';
CREATE TYPE billing.currency AS ENUM ('EUR', 'USD');
CREATE TABLE billing.accounts (id integer PRIMARY KEY, currency billing.currency NOT NULL DEFAULT 'EUR');
CREATE TABLE public.users (id integer PRIMARY KEY, account_id integer REFERENCES billing.accounts);
