-- Session settings for the introspection transaction. They are set LOCAL so
-- they end with the transaction and never leak into the caller's session.
--
-- search_path = pg_catalog, pg_temp: format_type, pg_get_expr, pg_get_constraintdef
-- and pg_get_indexdef qualify every name that is not visible on the search
-- path, so with only pg_catalog visible, everything user-defined comes out
-- schema-qualified ("public.status", "nextval('app.s'::regclass)"). That is
-- the canonical text the rest of renovate compares against. pg_temp is
-- named last because a path without it searches pg_temp first for tables
-- and types: a temporary table named pg_class or text (the server tier
-- creates copies of the user's tables under their own names) would stand
-- in for the catalog or the type in every query of the transaction.
--
-- The rest pin every setting that changes how deparsed SQL or constants in
-- expressions are printed, so two sessions with different client settings
-- see identical text: quote_all_identifiers would quote every identifier,
-- DateStyle/IntervalStyle/TimeZone change how date, interval and timestamptz
-- constants in DEFAULT expressions print, extra_float_digits changes float
-- constants and bytea_output bytea constants.
--
-- jit is turned off because these queries never run long enough to repay
-- compiling them, yet their estimated cost (correlated subqueries per row)
-- can cross jit_above_cost, which costs tens of milliseconds per query.
SELECT
	set_config('search_path', 'pg_catalog, pg_temp', true),
	set_config('quote_all_identifiers', 'off', true),
	set_config('DateStyle', 'ISO, MDY', true),
	set_config('IntervalStyle', 'postgres', true),
	set_config('TimeZone', 'UTC', true),
	set_config('extra_float_digits', '1', true),
	set_config('bytea_output', 'hex', true),
	set_config('jit', 'off', true),
	set_config('max_parallel_workers_per_gather', '0', true)
