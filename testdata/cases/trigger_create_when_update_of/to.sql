CREATE TABLE accounts (id integer PRIMARY KEY, balance numeric, status text, updated_at timestamptz);
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END
$$;
-- Changed: UPDATE OF columns and a WHEN condition with a cast the server adds.
CREATE TRIGGER accounts_touch BEFORE UPDATE OF balance, status ON accounts
    FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.* AND NEW.status <> 'closed')
    EXECUTE FUNCTION touch();
CREATE TRIGGER accounts_audit AFTER INSERT OR UPDATE OR DELETE ON accounts
    FOR EACH STATEMENT EXECUTE FUNCTION touch('audit', 42);
CREATE TRIGGER accounts_truncate BEFORE TRUNCATE ON accounts EXECUTE FUNCTION touch();
COMMENT ON TRIGGER accounts_touch ON accounts IS 'keeps updated_at current';
