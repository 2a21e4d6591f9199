CREATE TABLE orders (id integer PRIMARY KEY, amount numeric);
CREATE TABLE order_log (n bigint);
CREATE FUNCTION log_changes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO order_log SELECT count(*) FROM new_rows;
    RETURN NULL;
END
$$;
CREATE FUNCTION check_amount() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.amount < 0 THEN RAISE EXCEPTION 'negative'; END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER orders_log AFTER UPDATE ON orders
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION log_changes();
CREATE TRIGGER orders_log_insert AFTER INSERT ON orders
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION log_changes();
CREATE CONSTRAINT TRIGGER orders_amount AFTER INSERT OR UPDATE ON orders
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION check_amount();
CREATE CONSTRAINT TRIGGER orders_amount_log AFTER INSERT ON orders FROM order_log
    FOR EACH ROW EXECUTE FUNCTION check_amount();
