-- A new extension whose functions' privileges the files change at once.
CREATE SCHEMA crypto;
CREATE EXTENSION pgcrypto SCHEMA crypto;
REVOKE ALL ON FUNCTION crypto.gen_salt(text) FROM PUBLIC;
GRANT ALL ON FUNCTION crypto.gen_salt(text) TO priv_writer;
