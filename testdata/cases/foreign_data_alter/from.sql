CREATE EXTENSION postgres_fdw;

CREATE FOREIGN DATA WRAPPER plain_fdw OPTIONS (debug 'off');
COMMENT ON FOREIGN DATA WRAPPER plain_fdw IS 'no handler';

CREATE SERVER src FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host 'localhost', dbname 'src', port '5432');
COMMENT ON SERVER src IS 'the source';
CREATE USER MAPPING FOR PUBLIC SERVER src OPTIONS (user 'reader');

CREATE SERVER gone FOREIGN DATA WRAPPER postgres_fdw;

CREATE SERVER retyped TYPE 'a' FOREIGN DATA WRAPPER plain_fdw;
