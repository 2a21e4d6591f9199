-- PostgreSQL refuses USING on a generated column: it recomputes the
-- expression as the new type instead.
CREATE TABLE item (price numeric, qty integer, total double precision GENERATED ALWAYS AS (price * qty) STORED);
