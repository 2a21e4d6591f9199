CREATE AGGREGATE my_sum(integer) (SFUNC = int4pl, STYPE = integer);
CREATE AGGREGATE my_rank(VARIADIC "any" ORDER BY VARIADIC "any") (
    SFUNC = ordered_set_transition_multi,
    STYPE = internal,
    FINALFUNC = rank_final,
    FINALFUNC_EXTRA,
    HYPOTHETICAL
);
GRANT EXECUTE ON FUNCTION my_sum(integer) TO agg_admin;
