CREATE AGGREGATE my_sum(integer) (SFUNC = int4pl, STYPE = integer);
REVOKE ALL ON FUNCTION my_sum(integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION my_sum(integer) TO agg_reader;
GRANT EXECUTE ON FUNCTION my_sum(integer) TO agg_admin WITH GRANT OPTION;

CREATE AGGREGATE my_rank(VARIADIC "any" ORDER BY VARIADIC "any") (
    SFUNC = ordered_set_transition_multi,
    STYPE = internal,
    FINALFUNC = rank_final,
    FINALFUNC_EXTRA,
    HYPOTHETICAL
);
REVOKE EXECUTE ON FUNCTION my_rank("any") FROM PUBLIC;
COMMENT ON AGGREGATE my_rank("any") IS 'hypothetical rank';
