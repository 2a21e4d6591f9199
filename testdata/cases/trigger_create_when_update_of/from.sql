CREATE TABLE accounts (id integer PRIMARY KEY, balance numeric, status text, updated_at timestamptz);
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END
$$;
CREATE TRIGGER accounts_touch BEFORE UPDATE ON accounts FOR EACH ROW EXECUTE PROCEDURE touch();
CREATE TRIGGER accounts_old AFTER DELETE ON accounts FOR EACH ROW EXECUTE FUNCTION touch();
