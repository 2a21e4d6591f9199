-- Defaults that are not a b_expr (OR, IS NULL, NOT, COLLATE ...) must be
-- written in parentheses after DEFAULT in a column or domain definition;
-- the parser's canonical form drops the parentheses the user wrote.
-- (Found by FuzzParseRoundTrip.)
CREATE DOMAIN flag AS boolean DEFAULT (NOT false);
CREATE TABLE t (
    a int,
    b boolean DEFAULT (1 IS NULL),
    c boolean DEFAULT (true OR false),
    d text DEFAULT ('a' COLLATE "C"),
    e flag
);
CREATE TABLE n (
    x boolean DEFAULT (2 BETWEEN 1 AND 3),
    y boolean DEFAULT ('a' LIKE 'b%')
);
