-- The identity column becomes a bigserial: its sequence goes with DROP
-- IDENTITY, and the new one goes on from where the identity left off.
CREATE TABLE t (id bigserial PRIMARY KEY, name text);
