-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: create table public.sessions
CREATE TABLE public.sessions (
    id integer NOT NULL,
    account_id integer NOT NULL,
    token text NOT NULL,
    CONSTRAINT sessions_pkey PRIMARY KEY (id),
    CONSTRAINT sessions_token_check CHECK (length(token) > 8)
);

-- step 2: create index public.sessions.sessions_account_id_idx
CREATE INDEX sessions_account_id_idx ON public.sessions USING btree (account_id);

-- step 3: create constraint public.sessions.sessions_account_id_fkey
ALTER TABLE public.sessions ADD CONSTRAINT sessions_account_id_fkey FOREIGN KEY (account_id) REFERENCES public.accounts(id);

COMMIT;

-- step 4: create index public.accounts.accounts_email_key
-- hazard index_build: Building index accounts_email_key CONCURRENTLY scans public.accounts twice without blocking writes; it waits for running transactions, and if it fails it leaves an INVALID index that the next plan drops. (public.accounts: <size>)
-- hazard not_transactional: Runs outside the plan's transaction because CREATE INDEX CONCURRENTLY cannot run in a transaction block; if it fails, the steps before it stay applied.
-- renovate:no-transaction
CREATE UNIQUE INDEX CONCURRENTLY accounts_email_key ON public.accounts USING btree (lower(email));
