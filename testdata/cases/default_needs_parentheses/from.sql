-- Defaults that are not a b_expr (OR, IS NULL, NOT, COLLATE ...) must be
-- written in parentheses after DEFAULT in a column or domain definition;
-- the parser's canonical form drops the parentheses the user wrote.
-- (Found by FuzzParseRoundTrip.)
CREATE TABLE t (a int);
