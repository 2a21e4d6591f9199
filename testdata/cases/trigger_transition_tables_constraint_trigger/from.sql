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
