-- catalog_dump.sql prints a database's schema the way renovate's catalog
-- side does: one statement per line, built from format_type, pg_get_expr,
-- pg_get_constraintdef and pg_get_indexdef with search_path = pg_catalog.
-- Used by gen_equivalence.sh; run with psql -At.
SET search_path = pg_catalog;
WITH nsp AS (
  SELECT oid, nspname FROM pg_namespace
  WHERE nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
    AND nspname NOT LIKE 'pg_temp_%' AND nspname NOT LIKE 'pg_toast_temp_%'
)
SELECT format('CREATE SCHEMA %I;', nspname) FROM nsp WHERE nspname <> 'public'
UNION ALL
SELECT format('COMMENT ON SCHEMA %I IS %L;', nspname, obj_description(oid, 'pg_namespace'))
FROM nsp WHERE obj_description(oid, 'pg_namespace') IS NOT NULL AND nspname <> 'public';

SELECT format('CREATE EXTENSION %I WITH SCHEMA %I VERSION %L;', e.extname, n.nspname, e.extversion)
FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
WHERE e.extname <> 'plpgsql' ORDER BY 1;

SELECT format('CREATE TYPE %I.%I AS ENUM (%s);', n.nspname, t.typname,
  (SELECT string_agg(quote_literal(enumlabel), ', ' ORDER BY enumsortorder) FROM pg_enum WHERE enumtypid = t.oid))
  || CASE WHEN obj_description(t.oid, 'pg_type') IS NOT NULL THEN format(E'\nCOMMENT ON TYPE %I.%I IS %L;', n.nspname, t.typname, obj_description(t.oid, 'pg_type')) ELSE '' END
FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
WHERE t.typtype = 'e' ORDER BY 1;

SELECT format('CREATE SEQUENCE %I.%I AS %s START WITH %s INCREMENT BY %s MINVALUE %s MAXVALUE %s CACHE %s%s;',
    n.nspname, c.relname, format_type(s.seqtypid, NULL), s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache,
    CASE WHEN s.seqcycle THEN ' CYCLE' ELSE '' END)
  || coalesce((SELECT format(E'\nALTER SEQUENCE %I.%I OWNED BY %I.%I.%I;', n.nspname, c.relname, tn.nspname, tc.relname, a.attname)
      FROM pg_depend d JOIN pg_class tc ON tc.oid = d.refobjid JOIN pg_namespace tn ON tn.oid = tc.relnamespace
      JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
      WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'a' AND d.refobjsubid > 0), '')
  || CASE WHEN obj_description(c.oid, 'pg_class') IS NOT NULL THEN format(E'\nCOMMENT ON SEQUENCE %I.%I IS %L;', n.nspname, c.relname, obj_description(c.oid, 'pg_class')) ELSE '' END
FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'i')
ORDER BY 1;

SELECT format('CREATE %sTABLE %I.%I (%s);', CASE WHEN c.relpersistence = 'u' THEN 'UNLOGGED ' ELSE '' END, n.nspname, c.relname,
  (SELECT string_agg(
      format('%I %s', a.attname, format_type(a.atttypid, a.atttypmod))
      || CASE WHEN a.attcollation <> t.typcollation AND a.attcollation <> 0 THEN ' COLLATE ' ||
           (SELECT CASE WHEN co.collnamespace = 'pg_catalog'::regnamespace THEN quote_ident(co.collname)
                   ELSE format('%I.%I', cn.nspname, co.collname) END
            FROM pg_collation co JOIN pg_namespace cn ON cn.oid = co.collnamespace WHERE co.oid = a.attcollation)
         ELSE '' END
      || CASE WHEN a.attgenerated = 's' THEN ' GENERATED ALWAYS AS (' || pg_get_expr(ad.adbin, ad.adrelid) || ') STORED'
              WHEN ad.adbin IS NOT NULL THEN ' DEFAULT ' || pg_get_expr(ad.adbin, ad.adrelid) ELSE '' END
      || CASE WHEN a.attidentity <> '' THEN
           (SELECT format(' GENERATED %s AS IDENTITY (START WITH %s INCREMENT BY %s MINVALUE %s MAXVALUE %s CACHE %s%s)',
              CASE a.attidentity WHEN 'a' THEN 'ALWAYS' ELSE 'BY DEFAULT' END,
              s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache, CASE WHEN s.seqcycle THEN ' CYCLE' ELSE '' END)
            FROM pg_sequence s WHERE s.seqrelid = pg_get_serial_sequence(format('%I.%I', n.nspname, c.relname), a.attname)::regclass)
         ELSE '' END
      || CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END,
      ', ' ORDER BY a.attnum)
   FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
   LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
   WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped))
  || CASE WHEN obj_description(c.oid, 'pg_class') IS NOT NULL THEN format(E'\nCOMMENT ON TABLE %I.%I IS %L;', n.nspname, c.relname, obj_description(c.oid, 'pg_class')) ELSE '' END
  || coalesce((SELECT string_agg(format(E'\nCOMMENT ON COLUMN %I.%I.%I IS %L;', n.nspname, c.relname, a.attname, col_description(c.oid, a.attnum)), '' ORDER BY a.attnum)
      FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND col_description(c.oid, a.attnum) IS NOT NULL), '')
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind = 'r' AND n.nspname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1;

-- pg_get_constraintdef omits the index's storage parameters (pg_dump's
-- pg_get_constraintdef_command adds them); add them the way
-- flatten_reloptions prints them, before any DEFERRABLE / NOT VALID.
SELECT format('ALTER TABLE ONLY %I.%I ADD CONSTRAINT %I %s;', n.nspname, c.relname, co.conname,
    CASE WHEN ic.reloptions IS NULL THEN pg_get_constraintdef(co.oid)
    ELSE regexp_replace(pg_get_constraintdef(co.oid), '( DEFERRABLE.*| NOT VALID)?$',
      ' WITH (' || (SELECT string_agg(quote_ident(split_part(o, '=', 1)) || '=' ||
          CASE WHEN quote_ident(substr(o, strpos(o, '=') + 1)) = substr(o, strpos(o, '=') + 1)
               THEN substr(o, strpos(o, '=') + 1) ELSE quote_literal(substr(o, strpos(o, '=') + 1)) END, ', ')
        FROM unnest(ic.reloptions) o) || ')\1') END)
  || CASE WHEN obj_description(co.oid, 'pg_constraint') IS NOT NULL THEN format(E'\nCOMMENT ON CONSTRAINT %I ON %I.%I IS %L;', co.conname, n.nspname, c.relname, obj_description(co.oid, 'pg_constraint')) ELSE '' END
FROM pg_constraint co JOIN pg_class c ON c.oid = co.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_class ic ON ic.oid = co.conindid
WHERE co.contype IN ('p', 'u', 'c', 'f', 'x') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
ORDER BY co.contype = 'f', 1;

SELECT pg_get_indexdef(i.indexrelid) || ';'
  || CASE WHEN obj_description(i.indexrelid, 'pg_class') IS NOT NULL THEN format(E'\nCOMMENT ON INDEX %I.%I IS %L;', n.nspname, ic.relname, obj_description(i.indexrelid, 'pg_class')) ELSE '' END
FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_namespace n ON n.oid = ic.relnamespace
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
  AND NOT EXISTS (SELECT 1 FROM pg_constraint co WHERE co.conindid = i.indexrelid AND co.contype IN ('p', 'u', 'x'))
ORDER BY 1;
