CREATE EXTENSION postgres_fdw;

CREATE FOREIGN DATA WRAPPER plain_fdw OPTIONS (debug 'on', extra 'x');
COMMENT ON FOREIGN DATA WRAPPER plain_fdw IS 'still no handler';

CREATE SERVER src VERSION '15' FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host 'db.internal', dbname 'src', fetch_size '500');
CREATE USER MAPPING FOR PUBLIC SERVER src OPTIONS (user 'writer', password '{{env.SRC_PASSWORD}}');

CREATE SERVER added FOREIGN DATA WRAPPER postgres_fdw OPTIONS (dbname 'other');

CREATE SERVER retyped TYPE 'b' FOREIGN DATA WRAPPER plain_fdw;
