package engine

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/renovate-pg/renovate/internal/pgtest"
	"github.com/renovate-pg/renovate/state/catalog"
)

var updateCoverage = flag.Bool("update-coverage", false, "rewrite docs/fidelity.md from the catalog coverage matrix")

// The catalog coverage matrix is the systematic guard of fidelity: every
// column of the catalogs that hold what a user can set is classified
// (catalogColumns), and every user-settable attribute has an entry
// (coverageMatrix) that sets it to a non-default value. TestCoverageMatrix
// builds all of them in one database, writes renovate's files for it,
// rebuilds those in an empty one and compares the two with the fidelity
// check's catalog snapshot: a managed attribute must survive, a reported
// one must be named by the check. A catalog column the server has and the
// classification lacks (a new release) fails the test.

// How the fidelity check sees a catalog column.
const (
	seenCompared  = "compared"    // a snapshot property of its own
	seenVia       = "compared as" // part of another property's text
	seenIdentity  = "identity"    // names or identifies the object
	seenDerived   = "derived"     // follows from other columns or objects
	seenInternal  = "internal"    // server bookkeeping no user sets
	seenUnmanaged = "unmanaged"   // an object kind init's warning names
)

// catalogColumn classifies one catalog column: how the snapshot sees it,
// and the property it is compared as or why it is not.
type catalogColumn struct{ seen, note string }

func compared() catalogColumn { return catalogColumn{seenCompared, ""} }

// subscriptionColumn: subscriptions are managed (plan diffs them, init
// then plan is empty), but the fidelity check cannot rebuild one in a
// scratch database: creating it connects to its publisher.
func subscriptionColumn() catalogColumn {
	return derived("a managed subscription's setting; diffed by plan, not rebuilt in the scratch database (creating a subscription connects to its publisher); the connection password is never written (an {{env.NAME}} reference)")
}
func comparedAs(p string) catalogColumn { return catalogColumn{seenVia, p} }
func identity() catalogColumn           { return catalogColumn{seenIdentity, ""} }
func derived(why string) catalogColumn  { return catalogColumn{seenDerived, why} }
func internal(why string) catalogColumn { return catalogColumn{seenInternal, why} }
func unmanaged(k string) catalogColumn  { return catalogColumn{seenUnmanaged, k} }

// catalogColumns classifies every column of the catalogs a user's schema
// lives in, on PostgreSQL 13 to 18 (a column a release lacks is simply
// not met).
var catalogColumns = map[string]catalogColumn{
	"pg_namespace.oid": identity(), "pg_namespace.nspname": identity(),
	"pg_namespace.nspowner": compared(), "pg_namespace.nspacl": compared(),

	"pg_class.oid": identity(), "pg_class.relname": identity(), "pg_class.relnamespace": identity(),
	"pg_class.reltype":       derived("the row type made with the relation"),
	"pg_class.reloftype":     compared(),
	"pg_class.relowner":      compared(),
	"pg_class.relam":         compared(),
	"pg_class.relfilenode":   internal("the storage file"),
	"pg_class.reltablespace": compared(),
	"pg_class.relpages":      internal("statistics kept by VACUUM and ANALYZE"), "pg_class.reltuples": internal("statistics kept by VACUUM and ANALYZE"), "pg_class.relallvisible": internal("statistics kept by VACUUM and ANALYZE"),
	"pg_class.relallfrozen":   internal("statistics kept by VACUUM and ANALYZE"),
	"pg_class.reltoastrelid":  derived("the TOAST table the server makes"),
	"pg_class.relhasindex":    derived("from pg_index"),
	"pg_class.relisshared":    internal("system catalogs only"),
	"pg_class.relpersistence": compared(),
	"pg_class.relkind":        compared(),
	"pg_class.relnatts":       derived("from pg_attribute"),
	"pg_class.relchecks":      derived("from pg_constraint"),
	"pg_class.relhasrules":    derived("from pg_rewrite"),
	"pg_class.relhastriggers": derived("from pg_trigger"),
	"pg_class.relhassubclass": derived("from pg_inherits"),
	"pg_class.relrowsecurity": compared(), "pg_class.relforcerowsecurity": compared(),
	"pg_class.relispopulated": compared(),
	"pg_class.relreplident":   compared(),
	"pg_class.relispartition": compared(),
	"pg_class.relrewrite":     internal("set only while a rewrite runs"),
	"pg_class.relfrozenxid":   internal("transaction ids of the storage"), "pg_class.relminmxid": internal("transaction ids of the storage"),
	"pg_class.relacl": compared(), "pg_class.reloptions": compared(), "pg_class.relpartbound": compared(),

	"pg_attribute.attrelid": identity(), "pg_attribute.attname": identity(),
	"pg_attribute.atttypid":      compared(),
	"pg_attribute.attstattarget": compared(),
	"pg_attribute.attlen":        derived("from the type"), "pg_attribute.attbyval": derived("from the type"), "pg_attribute.attalign": derived("from the type"),
	"pg_attribute.attnum":         comparedAs("pg_attribute.attnum (position)"),
	"pg_attribute.attndims":       internal("declared array dimensions are not enforced, and pg_dump does not keep them either"),
	"pg_attribute.attcacheoff":    internal("always -1 on disk"),
	"pg_attribute.atttypmod":      comparedAs("pg_attribute.atttypid"),
	"pg_attribute.attstorage":     compared(),
	"pg_attribute.attcompression": compared(),
	"pg_attribute.attnotnull":     compared(),
	"pg_attribute.atthasdef":      derived("from pg_attrdef"),
	"pg_attribute.atthasmissing":  internal("the fast default of rows that existed when the column was added"),
	"pg_attribute.attmissingval":  internal("the fast default of rows that existed when the column was added"),
	"pg_attribute.attidentity":    compared(), "pg_attribute.attgenerated": compared(),
	"pg_attribute.attisdropped":  internal("dropped columns"),
	"pg_attribute.attislocal":    compared(),
	"pg_attribute.attinhcount":   derived("from pg_inherits"),
	"pg_attribute.attcollation":  compared(),
	"pg_attribute.attacl":        compared(),
	"pg_attribute.attoptions":    compared(),
	"pg_attribute.attfdwoptions": compared(),

	"pg_attrdef.oid": identity(), "pg_attrdef.adrelid": identity(), "pg_attrdef.adnum": identity(),
	"pg_attrdef.adbin": compared(),

	"pg_index.indexrelid": identity(), "pg_index.indrelid": identity(),
	"pg_index.indnatts": comparedAs("pg_get_indexdef"), "pg_index.indnkeyatts": comparedAs("pg_get_indexdef"), "pg_index.indisunique": comparedAs("pg_get_indexdef"),
	"pg_index.indnullsnotdistinct": comparedAs("pg_get_indexdef"),
	"pg_index.indisprimary":        comparedAs("pg_get_constraintdef"), "pg_index.indisexclusion": comparedAs("pg_get_constraintdef"), "pg_index.indimmediate": comparedAs("pg_get_constraintdef"),
	"pg_index.indisclustered": compared(),
	"pg_index.indisvalid":     internal("a failed concurrent build; a rebuild builds the index whole"),
	"pg_index.indcheckxmin":   internal("HOT chain bookkeeping"),
	"pg_index.indisready":     internal("a concurrent build in progress"), "pg_index.indislive": internal("a concurrent drop in progress"),
	"pg_index.indisreplident": compared(),
	"pg_index.indkey":         comparedAs("pg_get_indexdef"), "pg_index.indcollation": comparedAs("pg_get_indexdef"), "pg_index.indclass": comparedAs("pg_get_indexdef"),
	"pg_index.indoption": comparedAs("pg_get_indexdef"), "pg_index.indexprs": comparedAs("pg_get_indexdef"), "pg_index.indpred": comparedAs("pg_get_indexdef"),

	"pg_constraint.oid": identity(), "pg_constraint.conname": identity(), "pg_constraint.connamespace": identity(),
	"pg_constraint.conrelid": identity(), "pg_constraint.contypid": identity(),
	"pg_constraint.contype": comparedAs("pg_get_constraintdef"), "pg_constraint.condeferrable": comparedAs("pg_get_constraintdef"),
	"pg_constraint.condeferred": comparedAs("pg_get_constraintdef"), "pg_constraint.convalidated": comparedAs("pg_get_constraintdef"),
	"pg_constraint.conenforced": comparedAs("pg_get_constraintdef"), "pg_constraint.conperiod": comparedAs("pg_get_constraintdef"),
	"pg_constraint.conindid":    derived("the index the constraint uses"),
	"pg_constraint.conparentid": compared(),
	"pg_constraint.confrelid":   comparedAs("pg_get_constraintdef"), "pg_constraint.confupdtype": comparedAs("pg_get_constraintdef"),
	"pg_constraint.confdeltype": comparedAs("pg_get_constraintdef"), "pg_constraint.confmatchtype": comparedAs("pg_get_constraintdef"),
	"pg_constraint.conislocal":   compared(),
	"pg_constraint.coninhcount":  derived("from pg_inherits"),
	"pg_constraint.connoinherit": comparedAs("pg_get_constraintdef"),
	"pg_constraint.conkey":       comparedAs("pg_get_constraintdef"), "pg_constraint.confkey": comparedAs("pg_get_constraintdef"),
	"pg_constraint.conpfeqop": comparedAs("pg_get_constraintdef"), "pg_constraint.conppeqop": comparedAs("pg_get_constraintdef"),
	"pg_constraint.conffeqop": comparedAs("pg_get_constraintdef"), "pg_constraint.confdelsetcols": comparedAs("pg_get_constraintdef"),
	"pg_constraint.conexclop": comparedAs("pg_get_constraintdef"), "pg_constraint.conbin": comparedAs("pg_get_constraintdef"),

	"pg_proc.oid": identity(), "pg_proc.proname": identity(), "pg_proc.pronamespace": identity(),
	"pg_proc.proowner": compared(), "pg_proc.proacl": compared(),
	"pg_proc.prolang": comparedAs("pg_get_functiondef"), "pg_proc.procost": comparedAs("pg_get_functiondef"), "pg_proc.prorows": comparedAs("pg_get_functiondef"),
	"pg_proc.provariadic": comparedAs("pg_get_functiondef"), "pg_proc.prosupport": comparedAs("pg_get_functiondef"), "pg_proc.prokind": comparedAs("pg_get_functiondef"),
	"pg_proc.prosecdef": comparedAs("pg_get_functiondef"), "pg_proc.proleakproof": comparedAs("pg_get_functiondef"), "pg_proc.proisstrict": comparedAs("pg_get_functiondef"),
	"pg_proc.proretset": comparedAs("pg_get_functiondef"), "pg_proc.provolatile": comparedAs("pg_get_functiondef"), "pg_proc.proparallel": comparedAs("pg_get_functiondef"),
	"pg_proc.pronargs": comparedAs("pg_get_functiondef"), "pg_proc.pronargdefaults": comparedAs("pg_get_functiondef"), "pg_proc.prorettype": comparedAs("pg_get_functiondef"),
	"pg_proc.proargtypes": comparedAs("pg_get_functiondef"), "pg_proc.proallargtypes": comparedAs("pg_get_functiondef"), "pg_proc.proargmodes": comparedAs("pg_get_functiondef"),
	"pg_proc.proargnames": comparedAs("pg_get_functiondef"), "pg_proc.proargdefaults": comparedAs("pg_get_functiondef"), "pg_proc.protrftypes": comparedAs("pg_get_functiondef"),
	"pg_proc.prosrc": comparedAs("pg_get_functiondef"), "pg_proc.probin": comparedAs("pg_get_functiondef"), "pg_proc.prosqlbody": comparedAs("pg_get_functiondef"),
	"pg_proc.proconfig": comparedAs("pg_get_functiondef"),

	"pg_type.oid": identity(), "pg_type.typname": identity(), "pg_type.typnamespace": identity(),
	"pg_type.typowner": compared(), "pg_type.typacl": compared(), "pg_type.typtype": compared(),
	"pg_type.typlen": derived("from the type"), "pg_type.typbyval": derived("from the type"), "pg_type.typalign": derived("from the type"), "pg_type.typstorage": derived("from the type"),
	"pg_type.typcategory": unmanaged("base type"), "pg_type.typispreferred": unmanaged("base type"), "pg_type.typdelim": unmanaged("base type"),
	"pg_type.typinput": unmanaged("base type"), "pg_type.typoutput": unmanaged("base type"), "pg_type.typreceive": unmanaged("base type"), "pg_type.typsend": unmanaged("base type"),
	"pg_type.typmodin": unmanaged("base type"), "pg_type.typmodout": unmanaged("base type"), "pg_type.typanalyze": unmanaged("base type"), "pg_type.typsubscript": unmanaged("base type"),
	"pg_type.typisdefined": internal("shell types"),
	"pg_type.typrelid":     derived("the relation of a row or composite type"),
	"pg_type.typelem":      derived("array types are made with their element type"), "pg_type.typarray": derived("array types are made with their element type"),
	"pg_type.typnotnull": compared(), "pg_type.typbasetype": compared(), "pg_type.typtypmod": comparedAs("pg_type.typbasetype"),
	"pg_type.typndims":     internal("declared array dimensions of a domain are not enforced"),
	"pg_type.typcollation": compared(), "pg_type.typdefaultbin": comparedAs("pg_type.typdefault"), "pg_type.typdefault": compared(),

	"pg_description.objoid": identity(), "pg_description.classoid": identity(), "pg_description.objsubid": identity(),
	"pg_description.description": comparedAs("pg_description"),

	"pg_default_acl.oid": identity(), "pg_default_acl.defaclrole": identity(), "pg_default_acl.defaclnamespace": identity(),
	"pg_default_acl.defaclobjtype": identity(), "pg_default_acl.defaclacl": compared(),

	"pg_init_privs.objoid": identity(), "pg_init_privs.classoid": identity(), "pg_init_privs.objsubid": identity(),
	"pg_init_privs.privtype": comparedAs("the privileges of extension members (pg_proc.proacl, pg_class.relacl)"), "pg_init_privs.initprivs": comparedAs("the privileges of extension members (pg_proc.proacl, pg_class.relacl)"),

	"pg_statistic_ext.oid": identity(), "pg_statistic_ext.stxname": identity(), "pg_statistic_ext.stxnamespace": identity(),
	"pg_statistic_ext.stxrelid": comparedAs("pg_get_statisticsobjdef"), "pg_statistic_ext.stxkeys": comparedAs("pg_get_statisticsobjdef"),
	"pg_statistic_ext.stxexprs": comparedAs("pg_get_statisticsobjdef"),
	"pg_statistic_ext.stxkind":  compared(), "pg_statistic_ext.stxstattarget": compared(), "pg_statistic_ext.stxowner": compared(),

	"pg_aggregate.aggfnoid": identity(),
	"pg_aggregate.aggkind":  comparedAs("pg_aggregate"), "pg_aggregate.aggnumdirectargs": comparedAs("pg_aggregate"),
	"pg_aggregate.aggtransfn": comparedAs("pg_aggregate"), "pg_aggregate.aggfinalfn": comparedAs("pg_aggregate"),
	"pg_aggregate.aggcombinefn": comparedAs("pg_aggregate"), "pg_aggregate.aggserialfn": comparedAs("pg_aggregate"),
	"pg_aggregate.aggdeserialfn": comparedAs("pg_aggregate"), "pg_aggregate.aggmtransfn": comparedAs("pg_aggregate"),
	"pg_aggregate.aggminvtransfn": comparedAs("pg_aggregate"), "pg_aggregate.aggmfinalfn": comparedAs("pg_aggregate"),
	"pg_aggregate.aggfinalextra": comparedAs("pg_aggregate"), "pg_aggregate.aggmfinalextra": comparedAs("pg_aggregate"),
	"pg_aggregate.aggfinalmodify": comparedAs("pg_aggregate"), "pg_aggregate.aggmfinalmodify": comparedAs("pg_aggregate"),
	"pg_aggregate.aggsortop": comparedAs("pg_aggregate"), "pg_aggregate.aggtranstype": comparedAs("pg_aggregate"),
	"pg_aggregate.aggtransspace": comparedAs("pg_aggregate"), "pg_aggregate.aggmtranstype": comparedAs("pg_aggregate"),
	"pg_aggregate.aggmtransspace": comparedAs("pg_aggregate"), "pg_aggregate.agginitval": comparedAs("pg_aggregate"),
	"pg_aggregate.aggminitval": comparedAs("pg_aggregate"),

	"pg_cast.oid": identity(), "pg_cast.castsource": identity(), "pg_cast.casttarget": identity(),
	"pg_cast.castfunc": compared(), "pg_cast.castcontext": compared(), "pg_cast.castmethod": compared(),

	"pg_ts_config.oid": identity(), "pg_ts_config.cfgname": identity(), "pg_ts_config.cfgnamespace": identity(),
	"pg_ts_config.cfgowner": compared(), "pg_ts_config.cfgparser": compared(),
	"pg_ts_config_map.mapcfg": identity(), "pg_ts_config_map.maptokentype": comparedAs("pg_ts_config_map"),
	"pg_ts_config_map.mapseqno": comparedAs("pg_ts_config_map"), "pg_ts_config_map.mapdict": comparedAs("pg_ts_config_map"),
	"pg_ts_dict.oid": identity(), "pg_ts_dict.dictname": identity(), "pg_ts_dict.dictnamespace": identity(),
	"pg_ts_dict.dictowner": compared(), "pg_ts_dict.dicttemplate": compared(), "pg_ts_dict.dictinitoption": compared(),
	"pg_ts_parser.oid": identity(), "pg_ts_parser.prsname": identity(), "pg_ts_parser.prsnamespace": identity(),
	"pg_ts_parser.prsstart": compared(), "pg_ts_parser.prstoken": compared(), "pg_ts_parser.prsend": compared(),
	"pg_ts_parser.prsheadline": compared(), "pg_ts_parser.prslextype": compared(),
	"pg_ts_template.oid": identity(), "pg_ts_template.tmplname": identity(), "pg_ts_template.tmplnamespace": identity(),
	"pg_ts_template.tmplinit": compared(), "pg_ts_template.tmpllexize": compared(),

	"pg_trigger.oid": identity(), "pg_trigger.tgrelid": identity(), "pg_trigger.tgname": identity(),
	"pg_trigger.tgparentid": derived("a partition's clone of its parent's trigger"),
	"pg_trigger.tgfoid":     comparedAs("pg_get_triggerdef"), "pg_trigger.tgtype": comparedAs("pg_get_triggerdef"),
	"pg_trigger.tgenabled":     compared(),
	"pg_trigger.tgisinternal":  internal("triggers the server makes for foreign keys"),
	"pg_trigger.tgconstrrelid": comparedAs("pg_get_triggerdef"), "pg_trigger.tgconstrindid": derived("the index of a constraint trigger's constraint"),
	"pg_trigger.tgconstraint": derived("the constraint of a constraint trigger"),
	"pg_trigger.tgdeferrable": comparedAs("pg_get_triggerdef"), "pg_trigger.tginitdeferred": comparedAs("pg_get_triggerdef"), "pg_trigger.tgnargs": comparedAs("pg_get_triggerdef"),
	"pg_trigger.tgattr": comparedAs("pg_get_triggerdef"), "pg_trigger.tgargs": comparedAs("pg_get_triggerdef"), "pg_trigger.tgqual": comparedAs("pg_get_triggerdef"),
	"pg_trigger.tgoldtable": comparedAs("pg_get_triggerdef"), "pg_trigger.tgnewtable": comparedAs("pg_get_triggerdef"),

	"pg_policy.oid": identity(), "pg_policy.polname": identity(), "pg_policy.polrelid": identity(),
	"pg_policy.polcmd": compared(), "pg_policy.polpermissive": compared(), "pg_policy.polroles": compared(),
	"pg_policy.polqual": compared(), "pg_policy.polwithcheck": compared(),

	"pg_sequence.seqrelid": identity(),
	"pg_sequence.seqtypid": compared(), "pg_sequence.seqstart": compared(), "pg_sequence.seqincrement": compared(),
	"pg_sequence.seqmax": compared(), "pg_sequence.seqmin": compared(), "pg_sequence.seqcache": compared(), "pg_sequence.seqcycle": compared(),

	"pg_inherits.inhrelid": identity(), "pg_inherits.inhparent": comparedAs("pg_inherits"), "pg_inherits.inhseqno": comparedAs("pg_inherits"),
	"pg_inherits.inhdetachpending": internal("a DETACH PARTITION CONCURRENTLY in progress"),

	"pg_enum.oid": internal("OIDs"), "pg_enum.enumtypid": identity(),
	"pg_enum.enumsortorder": comparedAs("pg_enum"), "pg_enum.enumlabel": comparedAs("pg_enum"),

	"pg_range.rngtypid":   identity(),
	"pg_range.rngsubtype": compared(), "pg_range.rngmultitypid": compared(), "pg_range.rngcollation": compared(),
	"pg_range.rngsubopc": compared(), "pg_range.rngcanonical": compared(), "pg_range.rngsubdiff": compared(),

	"pg_collation.oid": identity(), "pg_collation.collname": identity(), "pg_collation.collnamespace": identity(),
	"pg_collation.collowner": compared(), "pg_collation.collprovider": compared(), "pg_collation.collisdeterministic": compared(),
	"pg_collation.collencoding": derived("the database's encoding"),
	"pg_collation.collcollate":  compared(), "pg_collation.collctype": compared(),
	"pg_collation.colliculocale": comparedAs("pg_collation.colllocale"), "pg_collation.colllocale": compared(),
	"pg_collation.collicurules": compared(),
	"pg_collation.collversion":  internal("the collation library's version when the collation was made"),

	"pg_publication.oid": identity(), "pg_publication.pubname": identity(),
	"pg_publication.pubowner": compared(), "pg_publication.puballtables": compared(),
	"pg_publication.pubinsert": comparedAs("pg_publication.pubactions"), "pg_publication.pubupdate": comparedAs("pg_publication.pubactions"),
	"pg_publication.pubdelete": comparedAs("pg_publication.pubactions"), "pg_publication.pubtruncate": comparedAs("pg_publication.pubactions"),
	"pg_publication.pubviaroot": compared(), "pg_publication.pubgencols": compared(),
	"pg_publication_rel.oid": identity(), "pg_publication_rel.prpubid": identity(),
	"pg_publication_rel.prrelid": comparedAs("pg_publication_rel"), "pg_publication_rel.prqual": comparedAs("pg_publication_rel"), "pg_publication_rel.prattrs": comparedAs("pg_publication_rel"),
	"pg_publication_namespace.oid": identity(), "pg_publication_namespace.pnpubid": identity(),
	"pg_publication_namespace.pnnspid": comparedAs("pg_publication_namespace"),

	"pg_foreign_data_wrapper.oid": identity(), "pg_foreign_data_wrapper.fdwname": identity(),
	"pg_foreign_data_wrapper.fdwowner": compared(), "pg_foreign_data_wrapper.fdwhandler": compared(),
	"pg_foreign_data_wrapper.fdwvalidator": compared(), "pg_foreign_data_wrapper.fdwacl": compared(),
	"pg_foreign_data_wrapper.fdwoptions": compared(),
	"pg_foreign_server.oid":              identity(), "pg_foreign_server.srvname": identity(),
	"pg_foreign_server.srvowner": compared(), "pg_foreign_server.srvfdw": compared(), "pg_foreign_server.srvtype": compared(),
	"pg_foreign_server.srvversion": compared(), "pg_foreign_server.srvacl": compared(), "pg_foreign_server.srvoptions": compared(),
	"pg_user_mapping.oid": identity(), "pg_user_mapping.umuser": identity(), "pg_user_mapping.umserver": identity(),
	"pg_user_mapping.umoptions": comparedAs("pg_user_mapping.umoptions (password values are not round-tripped: files refer to them as {{env.NAME}})"),
	"pg_foreign_table.ftrelid":  identity(), "pg_foreign_table.ftserver": compared(), "pg_foreign_table.ftoptions": compared(),
	"pg_subscription.oid": identity(), "pg_subscription.subname": identity(), "pg_subscription.subdbid": identity(),
	"pg_subscription.subowner": subscriptionColumn(), "pg_subscription.subenabled": subscriptionColumn(),
	"pg_subscription.subconninfo": subscriptionColumn(),
	"pg_subscription.subslotname": subscriptionColumn(), "pg_subscription.subsynccommit": subscriptionColumn(),
	"pg_subscription.subpublications": subscriptionColumn(), "pg_subscription.subbinary": subscriptionColumn(),
	"pg_subscription.substream": subscriptionColumn(), "pg_subscription.subtwophasestate": subscriptionColumn(),
	"pg_subscription.subdisableonerr": subscriptionColumn(), "pg_subscription.subpasswordrequired": subscriptionColumn(),
	"pg_subscription.subrunasowner": subscriptionColumn(), "pg_subscription.suborigin": subscriptionColumn(),
	"pg_subscription.subfailover":         subscriptionColumn(),
	"pg_subscription.subskiplsn":          internal("set by ALTER SUBSCRIPTION ... SKIP to step over one failed transaction"),
	"pg_subscription.subretaindeadtuples": subscriptionColumn(), "pg_subscription.submaxretention": subscriptionColumn(),
	"pg_subscription.subretentionactive": internal("the state of dead tuple retention"),

	"pg_event_trigger.oid": identity(), "pg_event_trigger.evtname": identity(),
	"pg_event_trigger.evtevent": compared(), "pg_event_trigger.evtowner": compared(), "pg_event_trigger.evtfoid": compared(),
	"pg_event_trigger.evtenabled": compared(), "pg_event_trigger.evttags": compared(),

	"pg_extension.oid": identity(), "pg_extension.extname": identity(),
	"pg_extension.extowner":     internal("the role that ran CREATE EXTENSION; no command changes it"),
	"pg_extension.extnamespace": compared(), "pg_extension.extversion": compared(),
	"pg_extension.extrelocatable": derived("from the extension's control file"),
	"pg_extension.extconfig":      derived("set by the extension's own script"), "pg_extension.extcondition": derived("set by the extension's own script"),

	"pg_rewrite.oid": identity(), "pg_rewrite.rulename": identity(), "pg_rewrite.ev_class": identity(),
	"pg_rewrite.ev_type": comparedAs("pg_get_ruledef (pg_get_viewdef for the _RETURN rules of views)"), "pg_rewrite.ev_enabled": compared(), "pg_rewrite.is_instead": comparedAs("pg_get_ruledef (pg_get_viewdef for the _RETURN rules of views)"),
	"pg_rewrite.ev_qual": comparedAs("pg_get_ruledef (pg_get_viewdef for the _RETURN rules of views)"), "pg_rewrite.ev_action": comparedAs("pg_get_ruledef (pg_get_viewdef for the _RETURN rules of views)"),

	"pg_operator.oid": identity(), "pg_operator.oprname": identity(), "pg_operator.oprnamespace": identity(),
	"pg_operator.oprowner": compared(),
	"pg_operator.oprkind":  comparedAs("pg_operator"), "pg_operator.oprcanmerge": comparedAs("pg_operator"), "pg_operator.oprcanhash": comparedAs("pg_operator"),
	"pg_operator.oprleft": comparedAs("pg_operator"), "pg_operator.oprright": comparedAs("pg_operator"), "pg_operator.oprresult": comparedAs("pg_operator"),
	"pg_operator.oprcom": comparedAs("pg_operator"), "pg_operator.oprnegate": comparedAs("pg_operator"), "pg_operator.oprcode": comparedAs("pg_operator"),
	"pg_operator.oprrest": comparedAs("pg_operator"), "pg_operator.oprjoin": comparedAs("pg_operator"),

	"pg_language.oid": identity(), "pg_language.lanname": identity(),
	"pg_language.lanowner": compared(), "pg_language.lanispl": derived("true for every language CREATE LANGUAGE makes"),
	"pg_language.lanpltrusted": compared(), "pg_language.lanplcallfoid": compared(), "pg_language.laninline": compared(),
	"pg_language.lanvalidator": compared(), "pg_language.lanacl": compared(),

	"pg_transform.oid": identity(), "pg_transform.trftype": identity(), "pg_transform.trflang": identity(),
	"pg_transform.trffromsql": compared(), "pg_transform.trftosql": compared(),

	"pg_opfamily.oid": identity(), "pg_opfamily.opfname": identity(), "pg_opfamily.opfnamespace": identity(), "pg_opfamily.opfmethod": identity(),
	"pg_opfamily.opfowner": compared(),
	"pg_opclass.oid":       identity(), "pg_opclass.opcname": identity(), "pg_opclass.opcnamespace": identity(), "pg_opclass.opcmethod": identity(),
	"pg_opclass.opcowner":  compared(),
	"pg_opclass.opcfamily": comparedAs("pg_opclass"), "pg_opclass.opcintype": comparedAs("pg_opclass"), "pg_opclass.opcdefault": comparedAs("pg_opclass"),
	"pg_opclass.opckeytype": comparedAs("pg_opclass"),
	"pg_amop.oid":           internal("OIDs"), "pg_amop.amopfamily": identity(), "pg_amop.amopmethod": derived("the family's access method"),
	"pg_amop.amoplefttype": comparedAs("pg_amop"), "pg_amop.amoprighttype": comparedAs("pg_amop"), "pg_amop.amopstrategy": comparedAs("pg_amop"),
	"pg_amop.amoppurpose": comparedAs("pg_amop"), "pg_amop.amopopr": comparedAs("pg_amop"), "pg_amop.amopsortfamily": comparedAs("pg_amop"),
	"pg_amproc.oid": internal("OIDs"), "pg_amproc.amprocfamily": identity(),
	"pg_amproc.amproclefttype": comparedAs("pg_amproc"), "pg_amproc.amprocrighttype": comparedAs("pg_amproc"), "pg_amproc.amprocnum": comparedAs("pg_amproc"),
	"pg_amproc.amproc": comparedAs("pg_amproc"),

	"pg_conversion.oid": identity(), "pg_conversion.conname": identity(), "pg_conversion.connamespace": identity(),
	"pg_conversion.conowner": compared(), "pg_conversion.conforencoding": compared(), "pg_conversion.contoencoding": compared(),
	"pg_conversion.conproc": compared(), "pg_conversion.condefault": compared(),
	"pg_am.oid": identity(), "pg_am.amname": identity(), "pg_am.amhandler": compared(), "pg_am.amtype": compared(),

	"pg_partitioned_table.partrelid": identity(),
	"pg_partitioned_table.partstrat": comparedAs("pg_partitioned_table (pg_get_partkeydef)"), "pg_partitioned_table.partnatts": comparedAs("pg_partitioned_table (pg_get_partkeydef)"),
	"pg_partitioned_table.partdefid": comparedAs("pg_class.relpartbound"), "pg_partitioned_table.partattrs": comparedAs("pg_partitioned_table (pg_get_partkeydef)"),
	"pg_partitioned_table.partclass": comparedAs("pg_partitioned_table (pg_get_partkeydef)"), "pg_partitioned_table.partcollation": comparedAs("pg_partitioned_table (pg_get_partkeydef)"),
	"pg_partitioned_table.partexprs": comparedAs("pg_partitioned_table (pg_get_partkeydef)"),

	"pg_seclabel.objoid": identity(), "pg_seclabel.classoid": identity(), "pg_seclabel.objsubid": identity(),
	"pg_seclabel.provider": comparedAs("pg_seclabel"), "pg_seclabel.label": comparedAs("pg_seclabel"),
	"pg_db_role_setting.setdatabase": identity(), "pg_db_role_setting.setrole": comparedAs("pg_db_role_setting"),
	"pg_db_role_setting.setconfig": comparedAs("pg_db_role_setting"),
}

// coverageEntry sets one user-settable attribute to a non-default value.
type coverageEntry struct {
	// Property is the snapshot property set; Object the object it is set
	// on, as pg_describe_object names it.
	Property, Object string
	// Setup is the SQL that sets it (objects in schema cov).
	Setup string
	// Managed: renovate's files round-trip it. Otherwise the fidelity
	// check must report it.
	Managed bool
	// MinVersion is the oldest server major release that has it.
	MinVersion int
}

// coverageRoles are the roles the matrix grants to and owns with.
// cov_super owns what only a superuser may own (event triggers and
// foreign-data wrappers).
var coverageRoles = []string{"cov_owner", "cov_reader", "cov_super SUPERUSER"}

// coverageMatrix: one entry per user-settable attribute, each on objects
// of its own.
var coverageMatrix = []coverageEntry{
	{"pg_namespace.nspowner", "schema cov_owned", "CREATE SCHEMA cov_owned AUTHORIZATION cov_owner", false, 0},
	{"pg_namespace.nspacl", "schema cov", "GRANT USAGE ON SCHEMA cov TO cov_reader", true, 0},
	{"pg_description", "schema cov", "COMMENT ON SCHEMA cov IS 'coverage'", true, 0},

	{"pg_class.relkind", "materialized view cov.mv", "CREATE MATERIALIZED VIEW cov.mv AS SELECT 1 AS a", true, 0},
	{"pg_class.relispopulated", "materialized view cov.mv_nodata", "CREATE MATERIALIZED VIEW cov.mv_nodata AS SELECT 1 AS a WITH NO DATA", false, 0},
	{"pg_class.relpersistence", "table cov.unlogged", "CREATE UNLOGGED TABLE cov.unlogged (a int)", true, 0},
	{"pg_class.relowner", "table cov.owned", "CREATE TABLE cov.owned (a int); ALTER TABLE cov.owned OWNER TO cov_owner", false, 0},
	{"pg_class.relacl", "table cov.granted", "CREATE TABLE cov.granted (a int); GRANT SELECT, UPDATE ON cov.granted TO cov_reader", true, 0},
	{"pg_class.reloptions", "table cov.relopts", "CREATE TABLE cov.relopts (a int) WITH (fillfactor = 70, autovacuum_enabled = false, toast_tuple_target = 4000)", true, 0},
	{"pg_class.relreplident", "table cov.replfull", "CREATE TABLE cov.replfull (a int); ALTER TABLE cov.replfull REPLICA IDENTITY FULL", true, 0},
	{"pg_class.relrowsecurity", "table cov.rls", "CREATE TABLE cov.rls (a int); ALTER TABLE cov.rls ENABLE ROW LEVEL SECURITY", true, 0},
	{"pg_class.relforcerowsecurity", "table cov.rlsforce", "CREATE TABLE cov.rlsforce (a int); ALTER TABLE cov.rlsforce ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY", true, 0},
	{"pg_class.relpartbound", "table cov.part_1", "CREATE TABLE cov.part (id int, k int) PARTITION BY RANGE (k); CREATE TABLE cov.part_1 PARTITION OF cov.part FOR VALUES FROM (0) TO (10)", true, 0},
	{"pg_partitioned_table", "table cov.part", "", true, 0},
	{"pg_class.reloftype", "table cov.typed", "CREATE TYPE cov.rowtype AS (a int, b text); CREATE TABLE cov.typed OF cov.rowtype (a WITH OPTIONS NOT NULL DEFAULT 1, PRIMARY KEY (a))", true, 0},
	{"pg_inherits", "table cov.child", "CREATE TABLE cov.parent (a int); CREATE TABLE cov.child (b int) INHERITS (cov.parent)", true, 0},
	{"pg_get_viewdef", "view cov.nested", "CREATE TABLE cov.vt (a int, b int, c int); CREATE VIEW cov.nested AS SELECT a FROM cov.vt WHERE a = 1 AND (b = 2 AND c = 3)", true, 0},
	{"pg_class.reltablespace", "table cov.ts_table", "CREATE TABLE cov.ts_table (a int, b int) TABLESPACE cov_ts", true, 0},
	{"pg_class.reltablespace", "index cov.ts_index", "CREATE INDEX ts_index ON cov.ts_table (a) TABLESPACE cov_ts", true, 0},
	{"pg_class.reltablespace", "index cov.ts_table_b_key", "ALTER TABLE cov.ts_table ADD UNIQUE (b) USING INDEX TABLESPACE cov_ts", true, 0},
	{"pg_class.reltablespace", "table cov.ts_part", "CREATE TABLE cov.ts_part (a int) PARTITION BY RANGE (a) TABLESPACE cov_ts", true, 0},
	{"pg_class.reltablespace", "materialized view cov.ts_mv", "CREATE MATERIALIZED VIEW cov.ts_mv TABLESPACE cov_ts AS SELECT 1 AS a", true, 0},
	{"pg_class.relacl", "table cov.selfrevoked", "CREATE TABLE cov.selfrevoked (a int); REVOKE UPDATE, DELETE ON cov.selfrevoked FROM CURRENT_USER", true, 0},
	{"pg_class.reloptions", "view cov.barrier", "CREATE VIEW cov.barrier WITH (security_barrier) AS SELECT 1 AS a", true, 0},

	{"pg_sequence.seqtypid", "sequence cov.seq", "CREATE SEQUENCE cov.seq AS smallint INCREMENT 3 MINVALUE -10 MAXVALUE 1000 START 7 CACHE 5 CYCLE", true, 0},
	{"pg_sequence.seqcycle", "sequence cov.seq", "", true, 0},
	{"pg_depend (OWNED BY)", "sequence cov.owned_seq", "CREATE TABLE cov.seqowner (a int); CREATE SEQUENCE cov.owned_seq OWNED BY cov.seqowner.a", true, 0},
	{"pg_class.relacl", "sequence cov.ident_a_seq", "CREATE TABLE cov.ident (a int GENERATED BY DEFAULT AS IDENTITY (SEQUENCE NAME cov.ident_a_seq)); GRANT USAGE ON SEQUENCE cov.ident_a_seq TO cov_reader", true, 0},

	{"pg_attribute.atttypid", "column a of table cov.cols", "CREATE TABLE cov.cols (a varchar(7), b numeric(9,2) NOT NULL, c int GENERATED ALWAYS AS IDENTITY, d int GENERATED ALWAYS AS (c * 2) STORED, e text DEFAULT 'x' COLLATE \"C\")", true, 0},
	{"pg_attribute.attnotnull", "column b of table cov.cols", "", true, 0},
	{"pg_attribute.attidentity", "column c of table cov.cols", "", true, 0},
	{"pg_attribute.attgenerated", "column d of table cov.cols", "", true, 0},
	{"pg_attrdef.adbin", "column e of table cov.cols", "", true, 0},
	{"pg_attribute.attcollation", "column e of table cov.cols", "", true, 0},
	{"pg_attribute.attnum (position)", "column a of table cov.colorder", "CREATE TABLE cov.colorder (z int, a int)", true, 0},
	{"pg_attrdef.adbin", "column a of table cov.defnull", "CREATE TABLE cov.defnull (a varchar(5) DEFAULT NULL)", true, 0},
	{"pg_attribute.attstattarget", "column a of table cov.stats", "CREATE TABLE cov.stats (a int); ALTER TABLE cov.stats ALTER COLUMN a SET STATISTICS 500", true, 0},
	{"pg_attribute.attoptions", "column a of table cov.attopts", "CREATE TABLE cov.attopts (a int); ALTER TABLE cov.attopts ALTER COLUMN a SET (n_distinct = -0.5)", true, 0},
	{"pg_attribute.attstorage", "column a of table cov.storage", "CREATE TABLE cov.storage (a text); ALTER TABLE cov.storage ALTER COLUMN a SET STORAGE EXTERNAL", true, 0},
	{"pg_attribute.attcompression", "column a of table cov.compress", "CREATE TABLE cov.compress (a text COMPRESSION pglz)", true, 14},
	{"pg_attribute.attacl", "column a of table cov.colgrant", "CREATE TABLE cov.colgrant (a int, b int); GRANT SELECT (a), UPDATE (a) ON cov.colgrant TO cov_reader", true, 0},
	{"pg_attribute.attacl", "column a of view cov.viewgrant", "CREATE VIEW cov.viewgrant AS SELECT 1 AS a; GRANT SELECT (a) ON cov.viewgrant TO cov_reader", true, 0},
	{"pg_attrdef.adbin", "column a of view cov.viewdefault", "CREATE TABLE cov.vdt (a int); CREATE VIEW cov.viewdefault AS SELECT a FROM cov.vdt; ALTER VIEW cov.viewdefault ALTER COLUMN a SET DEFAULT 42", true, 0},
	{"pg_attribute.attislocal", "column a of table cov.merged", "CREATE TABLE cov.mparent (a int); CREATE TABLE cov.merged (a int) INHERITS (cov.mparent)", true, 0},
	{"pg_description", "column a of table cov.commented", "CREATE TABLE cov.commented (a int); COMMENT ON COLUMN cov.commented.a IS 'column'; COMMENT ON TABLE cov.commented IS 'table'", true, 0},

	{"pg_get_indexdef", "index cov.ix_expr", "CREATE TABLE cov.ixt (a int, b text, c int); CREATE UNIQUE INDEX ix_expr ON cov.ixt (lower(b) text_pattern_ops DESC NULLS LAST) INCLUDE (a) WITH (fillfactor = 60) WHERE c > 0", true, 0},
	{"pg_index.indisclustered", "index cov.ixt_pkey", "ALTER TABLE cov.ixt ADD PRIMARY KEY (a); ALTER TABLE cov.ixt CLUSTER ON ixt_pkey", true, 0},
	{"pg_index.indisreplident", "index cov.ix_replident", "ALTER TABLE cov.ixt ALTER COLUMN c SET NOT NULL; CREATE UNIQUE INDEX ix_replident ON cov.ixt (c); ALTER TABLE cov.ixt REPLICA IDENTITY USING INDEX ix_replident", true, 0},
	{"pg_attribute.attstattarget", "index cov.ix_stats", "CREATE INDEX ix_stats ON cov.ixt ((a + c)); ALTER INDEX cov.ix_stats ALTER COLUMN 1 SET STATISTICS 100", true, 0},
	{"pg_description", "index cov.ixt_b_key", "ALTER TABLE cov.ixt ADD UNIQUE (b); COMMENT ON INDEX cov.ixt_b_key IS 'backs a constraint'", true, 0},
	{"pg_description", "index cov.ix_commented", "CREATE INDEX ix_commented ON cov.ixt (c); COMMENT ON INDEX cov.ix_commented IS 'plain'", true, 0},

	{"pg_get_constraintdef", "constraint ck on table cov.cons", "CREATE TABLE cov.cons (a int, b int); ALTER TABLE cov.cons ADD CONSTRAINT ck CHECK (a > 0) NOT VALID", true, 0},
	{"pg_get_constraintdef", "constraint fk on table cov.cons", "ALTER TABLE cov.cons ADD CONSTRAINT u UNIQUE (b); ALTER TABLE cov.cons ADD CONSTRAINT fk FOREIGN KEY (a) REFERENCES cov.cons (b) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED", true, 0},
	{"pg_constraint.conislocal", "constraint pos on table cov.cchild", "CREATE TABLE cov.cparent (a int CONSTRAINT pos CHECK (a > 0)); CREATE TABLE cov.cchild (a int CONSTRAINT pos CHECK (a > 0)) INHERITS (cov.cparent)", true, 0},
	{"pg_description", "constraint ck on table cov.cons", "COMMENT ON CONSTRAINT ck ON cov.cons IS 'checked'", true, 0},

	{"pg_get_triggerdef", "trigger trg on table cov.trg", "CREATE TABLE cov.trg (a int); CREATE FUNCTION cov.trgf() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END'; CREATE TRIGGER trg BEFORE INSERT OR UPDATE OF a ON cov.trg FOR EACH ROW WHEN (NEW.a > 0) EXECUTE FUNCTION cov.trgf()", true, 0},
	{"pg_trigger.tgenabled", "trigger trg on table cov.trg", "ALTER TABLE cov.trg DISABLE TRIGGER trg", true, 0},
	{"pg_description", "trigger trg on table cov.trg", "COMMENT ON TRIGGER trg ON cov.trg IS 'fires'", true, 0},

	{"pg_policy.polqual", "policy p on table cov.rls", "CREATE POLICY p ON cov.rls AS RESTRICTIVE FOR UPDATE TO cov_reader USING (a > 0) WITH CHECK (a < 100)", true, 0},
	{"pg_policy.polroles", "policy p on table cov.rls", "", true, 0},

	{"pg_get_functiondef", "function cov.f(integer)", "CREATE FUNCTION cov.f(x integer DEFAULT 1) RETURNS integer LANGUAGE sql STABLE STRICT SECURITY DEFINER COST 5 SET work_mem = '8MB' AS 'SELECT x'", true, 0},
	{"pg_proc.proacl", "function cov.f(integer)", "REVOKE EXECUTE ON FUNCTION cov.f(integer) FROM PUBLIC; GRANT EXECUTE ON FUNCTION cov.f(integer) TO cov_reader", true, 0},
	{"pg_description", "function cov.f(integer)", "COMMENT ON FUNCTION cov.f(integer) IS 'f'", true, 0},
	{"pg_proc.proacl", "function cov.selfrevoked_f()", "CREATE FUNCTION cov.selfrevoked_f() RETURNS int LANGUAGE sql AS 'SELECT 1'; REVOKE EXECUTE ON FUNCTION cov.selfrevoked_f() FROM CURRENT_USER", true, 0},
	{"pg_proc.proowner", "function cov.owned_f()", "CREATE FUNCTION cov.owned_f() RETURNS int LANGUAGE sql AS 'SELECT 1'; ALTER FUNCTION cov.owned_f() OWNER TO cov_owner", false, 0},
	{"pg_proc.proacl", "function cov.citext(boolean)", "CREATE EXTENSION citext SCHEMA cov; REVOKE EXECUTE ON FUNCTION cov.citext(boolean) FROM PUBLIC", true, 0},

	{"pg_enum", "type cov.mood", "CREATE TYPE cov.mood AS ENUM ('sad', 'ok', 'happy')", true, 0},
	{"pg_type.typacl", "type cov.mood", "REVOKE USAGE ON TYPE cov.mood FROM PUBLIC", true, 0},
	{"pg_type.typdefault", "type cov.pos", "CREATE DOMAIN cov.pos AS numeric(6,2) DEFAULT 1 NOT NULL CONSTRAINT pos_check CHECK (VALUE > 0)", true, 0},
	{"pg_type.typnotnull", "type cov.pos", "", true, 0},
	{"pg_get_constraintdef", "constraint pos_check on type cov.pos", "", true, 0},
	{"pg_type.typbasetype", "type cov.tdom", "CREATE DOMAIN cov.tdom AS text COLLATE \"C\"", true, 0},
	{"pg_type.typcollation", "type cov.tdom", "", true, 0},
	{"pg_attribute.attcollation", "column b of composite type cov.pair", "CREATE TYPE cov.pair AS (a int, b text COLLATE \"C\")", true, 0},
	{"pg_range.rngsubdiff", "type cov.fr", "CREATE TYPE cov.fr AS RANGE (subtype = float8, subtype_diff = float8mi)", true, 0},
	{"pg_range.rngsubopc", "type cov.opr", "CREATE TYPE cov.opr AS RANGE (subtype = text, subtype_opclass = text_pattern_ops)", true, 0},
	{"pg_range.rngcollation", "type cov.tr", "CREATE TYPE cov.tr AS RANGE (subtype = text, collation = \"C\")", true, 0},
	{"pg_type.typowner", "type cov.owned_t", "CREATE TYPE cov.owned_t AS ENUM ('a'); ALTER TYPE cov.owned_t OWNER TO cov_owner", false, 0},

	{"pg_aggregate", "function cov.agg(text,text)", "CREATE FUNCTION cov.cat(a text, b text, s text) RETURNS text LANGUAGE sql AS 'SELECT a || s || b'; CREATE AGGREGATE cov.agg(text, text) (SFUNC = cov.cat, STYPE = text, INITCOND = '', PARALLEL = SAFE)", true, 0},
	{"pg_proc.proacl", "function cov.agg(text,text)", "REVOKE EXECUTE ON FUNCTION cov.agg(text, text) FROM PUBLIC; GRANT EXECUTE ON FUNCTION cov.agg(text, text) TO cov_reader", true, 0},
	{"pg_description", "function cov.agg(text,text)", "COMMENT ON AGGREGATE cov.agg(text, text) IS 'agg'", true, 0},
	{"pg_aggregate", "function cov.pct(double precision,double precision)", "CREATE AGGREGATE cov.pct(float8 ORDER BY float8) (SFUNC = ordered_set_transition, STYPE = internal, FINALFUNC = percentile_disc_final, FINALFUNC_EXTRA)", true, 0},
	{"pg_cast.castcontext", "cast from integer to cov.mood", "CREATE FUNCTION cov.mood_of(i int) RETURNS cov.mood LANGUAGE sql AS $$ SELECT 'ok'::cov.mood $$; CREATE CAST (integer AS cov.mood) WITH FUNCTION cov.mood_of(integer) AS ASSIGNMENT; COMMENT ON CAST (integer AS cov.mood) IS 'c'", true, 0},
	{"pg_description", "cast from integer to cov.mood", "", true, 0},
	{"pg_get_statisticsobjdef", "statistics object cov.st", "CREATE TABLE cov.stt (a int, b int, c text); CREATE STATISTICS cov.st (dependencies) ON b, a FROM cov.stt; ALTER STATISTICS cov.st SET STATISTICS 300; COMMENT ON STATISTICS cov.st IS 's'", true, 0},
	{"pg_statistic_ext.stxstattarget", "statistics object cov.st", "", true, 0},
	{"pg_ts_dict.dictinitoption", "text search dictionary cov.dict", "CREATE TEXT SEARCH DICTIONARY cov.dict (TEMPLATE = simple, StopWords = english, Accept = false); COMMENT ON TEXT SEARCH DICTIONARY cov.dict IS 'd'", true, 0},
	{"pg_ts_config_map", "text search configuration cov.cfg", "CREATE TEXT SEARCH CONFIGURATION cov.cfg (COPY = english); ALTER TEXT SEARCH CONFIGURATION cov.cfg ALTER MAPPING FOR asciiword WITH cov.dict, english_stem; ALTER TEXT SEARCH CONFIGURATION cov.cfg DROP MAPPING FOR email", true, 0},
	{"pg_ts_parser.prsheadline", "text search parser cov.prs", "CREATE TEXT SEARCH PARSER cov.prs (START = prsd_start, GETTOKEN = prsd_nexttoken, END = prsd_end, LEXTYPES = prsd_lextype, HEADLINE = prsd_headline)", true, 0},
	{"pg_ts_template.tmplinit", "text search template cov.tmpl", "CREATE TEXT SEARCH TEMPLATE cov.tmpl (INIT = dsimple_init, LEXIZE = dsimple_lexize)", true, 0},
	{"pg_collation.collisdeterministic", "collation cov.ci", "CREATE COLLATION cov.ci (provider = icu, locale = 'und-u-ks-level2', deterministic = false)", true, 0},
	{"pg_default_acl.defaclacl", "default privileges on new relations belonging to role cov_owner in schema cov", "ALTER DEFAULT PRIVILEGES FOR ROLE cov_owner IN SCHEMA cov GRANT SELECT ON TABLES TO cov_reader", true, 0},
	{"pg_publication_rel", "publication cov_pub", "CREATE TABLE cov.pubt (a int PRIMARY KEY); CREATE PUBLICATION cov_pub FOR TABLE cov.pubt WITH (publish = 'insert, update')", true, 0},
	{"pg_publication.pubactions", "publication cov_pub", "", true, 0},
	{"pg_publication.pubviaroot", "publication cov_pub_root", "CREATE TABLE cov.ppart (a int) PARTITION BY RANGE (a); CREATE TABLE cov.ppart_1 PARTITION OF cov.ppart FOR VALUES FROM (0) TO (10); CREATE PUBLICATION cov_pub_root FOR TABLE cov.ppart WITH (publish_via_partition_root = true)", true, 0},
	{"pg_event_trigger.evttags", "event trigger cov_evt", "CREATE FUNCTION cov.evtf() RETURNS event_trigger LANGUAGE plpgsql AS 'BEGIN END'; CREATE EVENT TRIGGER cov_evt ON ddl_command_start WHEN TAG IN ('CREATE TABLE') EXECUTE FUNCTION cov.evtf(); ALTER EVENT TRIGGER cov_evt DISABLE", true, 0},
	{"pg_foreign_data_wrapper.fdwoptions", "foreign-data wrapper cov_fdw", "CREATE FOREIGN DATA WRAPPER cov_fdw OPTIONS (mode 'x'); COMMENT ON FOREIGN DATA WRAPPER cov_fdw IS 'wrapper'", true, 0},
	{"pg_foreign_server.srvoptions", "server cov_srv", "CREATE SERVER cov_srv TYPE 't' VERSION '1' FOREIGN DATA WRAPPER cov_fdw OPTIONS (host 'h', port '1'); COMMENT ON SERVER cov_srv IS 'server'", true, 0},
	{"pg_user_mapping.umoptions", "user mapping for cov_reader on server cov_srv", "CREATE USER MAPPING FOR cov_reader SERVER cov_srv OPTIONS (user 'r', password 'not-a-real-secret')", true, 0},
	{"pg_foreign_table.ftoptions", "foreign table cov.ft", "CREATE FOREIGN TABLE cov.ft (a int OPTIONS (column_name 'b') NOT NULL DEFAULT 1 CHECK (a > 0)) SERVER cov_srv OPTIONS (table_name 't'); COMMENT ON FOREIGN TABLE cov.ft IS 'foreign'", true, 0},
	{"pg_attribute.attfdwoptions", "column a of foreign table cov.ft", "", true, 0},
	{"pg_foreign_server.srvacl", "server cov_granted", "CREATE SERVER cov_granted FOREIGN DATA WRAPPER cov_fdw; GRANT USAGE ON FOREIGN SERVER cov_granted TO cov_reader", true, 0},
	{"pg_foreign_data_wrapper.fdwacl", "foreign-data wrapper cov_fdw", "GRANT USAGE ON FOREIGN DATA WRAPPER cov_fdw TO cov_reader WITH GRANT OPTION", true, 0},
	{"pg_operator", "operator cov.===(integer,integer)", "CREATE FUNCTION cov.near(a int, b int) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'SELECT abs(a - b) <= 1'; CREATE OPERATOR cov.=== (FUNCTION = cov.near, LEFTARG = int, RIGHTARG = int, COMMUTATOR = OPERATOR(cov.===), NEGATOR = OPERATOR(cov.!==), RESTRICT = eqsel, JOIN = eqjoinsel, HASHES, MERGES); COMMENT ON OPERATOR cov.=== (int, int) IS 'near'", true, 0},
	{"pg_description", "operator cov.===(integer,integer)", "", true, 0},
	{"pg_operator.oprowner", "operator cov.@@(NONE,integer)", "CREATE OPERATOR cov.@@ (FUNCTION = int4um, RIGHTARG = int); ALTER OPERATOR cov.@@ (NONE, int) OWNER TO cov_owner", false, 0},
	{"pg_get_ruledef", "rule ruled_ins on table cov.ruled", "CREATE TABLE cov.ruled (a int); CREATE TABLE cov.ruled_log (a int); CREATE RULE ruled_ins AS ON INSERT TO cov.ruled WHERE new.a > 0 DO ALSO INSERT INTO cov.ruled_log (a) VALUES (new.a); COMMENT ON RULE ruled_ins ON cov.ruled IS 'logs'", true, 0},
	{"pg_rewrite.ev_enabled", "rule ruled_del on table cov.ruled", "CREATE RULE ruled_del AS ON DELETE TO cov.ruled DO INSTEAD NOTHING; ALTER TABLE cov.ruled ENABLE REPLICA RULE ruled_del", true, 0},
	{"pg_get_ruledef", "rule view_ins on view cov.ruled_view", "CREATE VIEW cov.ruled_view AS SELECT a FROM cov.ruled; CREATE RULE view_ins AS ON INSERT TO cov.ruled_view DO INSTEAD INSERT INTO cov.ruled (a) VALUES (new.a)", true, 0},
	{"pg_shdescription", "database", "DO $$ BEGIN EXECUTE format('COMMENT ON DATABASE %I IS %L', current_database(), 'the shop'); END $$", false, 0},
	{"pg_database.datacl", "database", "DO $$ BEGIN EXECUTE format('REVOKE TEMPORARY ON DATABASE %I FROM PUBLIC; GRANT CONNECT ON DATABASE %I TO cov_reader', current_database(), current_database()); END $$", false, 0},
	{"pg_largeobject_metadata", "large objects", "SELECT lo_from_bytea(0, '\\x00')", false, 0},
	{"pg_opclass", "operator class cov.rev_ops for access method btree", "CREATE FUNCTION cov.rev_cmp(a int, b int) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT btint4cmp(b, a)'; CREATE OPERATOR CLASS cov.rev_ops FOR TYPE int USING btree AS OPERATOR 1 >, OPERATOR 2 >=, OPERATOR 3 =, OPERATOR 4 <=, OPERATOR 5 <, FUNCTION 1 cov.rev_cmp(int, int); COMMENT ON OPERATOR CLASS cov.rev_ops USING btree IS 'descending'; CREATE TABLE cov.opct (a int, b bigint); CREATE INDEX opct_rev ON cov.opct (a cov.rev_ops)", true, 0},
	{"pg_description", "operator class cov.rev_ops for access method btree", "", true, 0},
	{"pg_amop", "operator family cov.rev_ops for access method btree", "", true, 0},
	{"pg_amop", "operator family cov.int_fam for access method btree", "CREATE OPERATOR FAMILY cov.int_fam USING btree; CREATE OPERATOR CLASS cov.int8_fam_ops FOR TYPE bigint USING btree FAMILY cov.int_fam AS OPERATOR 1 <, OPERATOR 2 <=, OPERATOR 3 =, OPERATOR 4 >=, OPERATOR 5 >, FUNCTION 1 btint8cmp(bigint, bigint); ALTER OPERATOR FAMILY cov.int_fam USING btree ADD OPERATOR 1 < (int, bigint), OPERATOR 3 = (int, bigint), FUNCTION 1 btint48cmp(int, bigint); COMMENT ON OPERATOR FAMILY cov.int_fam USING btree IS 'integers'", true, 0},
	{"pg_amproc", "operator family cov.int_fam for access method btree", "", true, 0},
	{"pg_description", "operator family cov.int_fam for access method btree", "", true, 0},
	{"pg_opclass", "operator class cov.int8_fam_ops for access method btree", "", true, 0},
	{"pg_opclass.opcowner", "operator class cov.owned_ops for access method hash", "CREATE OPERATOR CLASS cov.owned_ops FOR TYPE int USING hash AS OPERATOR 1 =, FUNCTION 1 hashint4(int); ALTER OPERATOR CLASS cov.owned_ops USING hash OWNER TO cov_owner", false, 0},
	{"pg_language.lanplcallfoid", "language covpl", "CREATE FUNCTION cov.lang_handler() RETURNS language_handler LANGUAGE c AS '$libdir/plpgsql', 'plpgsql_call_handler'; CREATE FUNCTION cov.lang_inline(internal) RETURNS void LANGUAGE c STRICT AS '$libdir/plpgsql', 'plpgsql_inline_handler'; CREATE FUNCTION cov.lang_validator(oid) RETURNS void LANGUAGE c STRICT AS '$libdir/plpgsql', 'plpgsql_validator'; CREATE TRUSTED LANGUAGE covpl HANDLER cov.lang_handler INLINE cov.lang_inline VALIDATOR cov.lang_validator; COMMENT ON LANGUAGE covpl IS 'covered'", true, 0},
	{"pg_language.lanpltrusted", "language covpl", "", true, 0},
	{"pg_language.laninline", "language covpl", "", true, 0},
	{"pg_language.lanvalidator", "language covpl", "", true, 0},
	{"pg_description", "language covpl", "", true, 0},
	{"pg_language.lanacl", "language covpl", "REVOKE USAGE ON LANGUAGE covpl FROM PUBLIC; GRANT USAGE ON LANGUAGE covpl TO cov_reader WITH GRANT OPTION", true, 0},
	{"pg_language.lanowner", "language covownpl", "CREATE LANGUAGE covownpl HANDLER cov.lang_handler; ALTER LANGUAGE covownpl OWNER TO cov_owner", false, 0},
	{"pg_transform.trffromsql", "transform for cov.mood language covpl", "CREATE FUNCTION cov.trf_from(internal) RETURNS internal LANGUAGE c STRICT IMMUTABLE AS '$libdir/plpgsql', 'plpgsql_call_handler'; CREATE FUNCTION cov.trf_to(internal) RETURNS cov.mood LANGUAGE c STRICT IMMUTABLE AS '$libdir/plpgsql', 'plpgsql_call_handler'; CREATE TRANSFORM FOR cov.mood LANGUAGE covpl (FROM SQL WITH FUNCTION cov.trf_from(internal), TO SQL WITH FUNCTION cov.trf_to(internal)); COMMENT ON TRANSFORM FOR cov.mood LANGUAGE covpl IS 'covered'; CREATE FUNCTION cov.trf_user(m cov.mood) RETURNS cov.mood LANGUAGE covpl TRANSFORM FOR TYPE cov.mood AS 'BEGIN RETURN m; END'", true, 0},
	{"pg_transform.trftosql", "transform for cov.mood language covpl", "", true, 0},
	{"pg_description", "transform for cov.mood language covpl", "", true, 0},
	{"pg_get_functiondef", "function cov.trf_user(cov.mood)", "", true, 0},
	{"pg_opfamily.opfowner", "operator family cov.owned_ops for access method hash", "ALTER OPERATOR FAMILY cov.owned_ops USING hash OWNER TO cov_owner", false, 0},
	{"pg_conversion.condefault", "conversion cov.conv", "CREATE DEFAULT CONVERSION cov.conv FOR 'UTF8' TO 'LATIN1' FROM utf8_to_iso8859_1; COMMENT ON CONVERSION cov.conv IS 'conv'", true, 0},
	{"pg_conversion.conproc", "conversion cov.conv", "", true, 0},
	{"pg_description", "conversion cov.conv", "", true, 0},
	{"pg_conversion.contoencoding", "conversion cov.conv_win", "CREATE CONVERSION cov.conv_win FOR 'UTF8' TO 'WIN1250' FROM utf8_to_win", true, 0},
	{"pg_conversion.conowner", "conversion cov.owned_conv", "CREATE CONVERSION cov.owned_conv FOR 'UTF8' TO 'WIN1251' FROM utf8_to_win; ALTER CONVERSION cov.owned_conv OWNER TO cov_owner", true, 0},
	{"pg_am.amhandler", "access method cov_am", "CREATE FUNCTION cov.am_handler(internal) RETURNS index_am_handler LANGUAGE internal AS 'brinhandler'; CREATE ACCESS METHOD cov_am TYPE INDEX HANDLER cov.am_handler; COMMENT ON ACCESS METHOD cov_am IS 'am'", true, 0},
	{"pg_description", "access method cov_am", "", true, 0},
	{"pg_opclass", "operator class cov.am_ops for access method cov_am", "CREATE OPERATOR CLASS cov.am_ops DEFAULT FOR TYPE int USING cov_am AS OPERATOR 1 <, OPERATOR 2 <=, OPERATOR 3 =, OPERATOR 4 >=, OPERATOR 5 >, FUNCTION 1 brin_minmax_opcinfo(internal), FUNCTION 2 brin_minmax_add_value(internal, internal, internal, internal), FUNCTION 3 brin_minmax_consistent(internal, internal, internal), FUNCTION 4 brin_minmax_union(internal, internal, internal); CREATE TABLE cov.amt (a int); CREATE INDEX amt_a ON cov.amt USING cov_am (a)", true, 0},
	{"pg_get_indexdef", "index cov.amt_a", "", true, 0},
	{"pg_am.amtype", "access method cov_tam", "CREATE ACCESS METHOD cov_tam TYPE TABLE HANDLER heap_tableam_handler", true, 0},
	{"pg_class.relam", "table cov.tam_t", "CREATE TABLE cov.tam_t (a int) USING cov_tam", true, 0},
	{"pg_db_role_setting", "database settings", "DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET work_mem = %L', current_database(), '8MB'); END $$", false, 0},
	{"pg_proc.proowner", "aggregate cov.owned_agg(integer)", "CREATE AGGREGATE cov.owned_agg(integer) (SFUNC = int4pl, STYPE = integer); ALTER AGGREGATE cov.owned_agg(integer) OWNER TO cov_owner", false, 0},
	{"pg_collation.collowner", "collation cov.owned_coll", "CREATE COLLATION cov.owned_coll (provider = libc, locale = 'C'); ALTER COLLATION cov.owned_coll OWNER TO cov_owner", false, 0},
	{"pg_statistic_ext.stxowner", "statistics object cov.owned_st", "CREATE TABLE cov.owned_stt (a int, b int); CREATE STATISTICS cov.owned_st ON a, b FROM cov.owned_stt; ALTER STATISTICS cov.owned_st OWNER TO cov_owner", false, 0},
	{"pg_ts_config.cfgowner", "text search configuration cov.owned_cfg", "CREATE TEXT SEARCH CONFIGURATION cov.owned_cfg (COPY = simple); ALTER TEXT SEARCH CONFIGURATION cov.owned_cfg OWNER TO cov_owner", false, 0},
	{"pg_ts_dict.dictowner", "text search dictionary cov.owned_dict", "CREATE TEXT SEARCH DICTIONARY cov.owned_dict (TEMPLATE = simple); ALTER TEXT SEARCH DICTIONARY cov.owned_dict OWNER TO cov_owner", false, 0},
	{"pg_publication.pubowner", "publication cov_owned_pub", "CREATE PUBLICATION cov_owned_pub; ALTER PUBLICATION cov_owned_pub OWNER TO cov_owner", false, 0},
	{"pg_event_trigger.evtowner", "event trigger cov_owned_evt", "CREATE FUNCTION cov.owned_evtf() RETURNS event_trigger LANGUAGE plpgsql AS 'BEGIN END'; CREATE EVENT TRIGGER cov_owned_evt ON sql_drop EXECUTE FUNCTION cov.owned_evtf(); ALTER EVENT TRIGGER cov_owned_evt OWNER TO cov_super", false, 0},
	{"pg_foreign_data_wrapper.fdwowner", "foreign-data wrapper cov_owned_fdw", "CREATE FOREIGN DATA WRAPPER cov_owned_fdw; ALTER FOREIGN DATA WRAPPER cov_owned_fdw OWNER TO cov_super", false, 0},
	{"pg_foreign_server.srvowner", "server cov_owned_srv", "CREATE SERVER cov_owned_srv FOREIGN DATA WRAPPER cov_fdw; ALTER SERVER cov_owned_srv OWNER TO cov_owner", false, 0},
	{"pg_class.relowner", "foreign table cov.owned_ft", "CREATE FOREIGN TABLE cov.owned_ft (a int) SERVER cov_srv; ALTER FOREIGN TABLE cov.owned_ft OWNER TO cov_owner", false, 0},
}

// TestCoverageMatrix: see above. It also checks that every column of the
// covered catalogs on this server is classified, and (with
// -update-coverage) writes the matrix to docs/fidelity.md.
func TestCoverageMatrix(t *testing.T) {
	ctx := context.Background()
	if err := pgtest.EnsureRoles(ctx, srv.AdminDSN(), coverageRoles); err != nil {
		t.Fatal(err)
	}
	// Before the databases, so that it is dropped after them.
	createTestTablespace(t, coverageTablespace)
	src := srv.NewDatabase(t)
	major := serverMajorOf(t, src)
	if err := execSQL(t, src, "CREATE SCHEMA cov"); err != nil {
		t.Fatal(err)
	}
	var entries []coverageEntry
	for _, e := range coverageMatrix {
		if e.MinVersion > major {
			continue
		}
		entries = append(entries, e)
		if e.Setup == "" {
			continue
		}
		if err := execSQL(t, src, e.Setup); err != nil {
			t.Fatalf("setting %s on %s: %v\n%s", e.Property, e.Object, err, e.Setup)
		}
	}
	srcConn, err := connect(t, src)
	if err != nil {
		t.Fatal(err)
	}
	remote, err := LoadRemote(ctx, srcConn)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if _, err := remote.WriteFiles(dir); err != nil {
		t.Fatal(err)
	}
	local, err := LoadLocalScoped(dir, Scope{})
	if err != nil {
		t.Fatal(err)
	}
	scratch, err := connect(t, srv.NewDatabase(t))
	if err != nil {
		t.Fatal(err)
	}
	rep, err := CheckFidelity(ctx, srcConn, scratch, local, Scope{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Skipped != "" || rep.BuildErr != nil {
		t.Fatalf("fidelity check did not compare: %s %v", rep.Skipped, rep.BuildErr)
	}
	lost := map[string][]catalog.Loss{}
	for _, l := range rep.Losses {
		lost[l.Object] = append(lost[l.Object], l)
	}
	claimed := map[string]bool{}
	for _, e := range entries {
		var found bool
		for _, l := range lost[e.Object] {
			if l.Property == e.Property || l.Missing {
				found = true
			}
		}
		owner := catalog.IsOwnerProperty(e.Property)
		switch {
		case owner && len(lost[e.Object]) > 0:
			var ls []string
			for _, l := range lost[e.Object] {
				ls = append(ls, l.String())
			}
			t.Errorf("%s on %s: owners are not managed (owners = \"ignore\"), so the check must not compare them, but it named:\n  %s", e.Property, e.Object, strings.Join(ls, "\n  "))
		case owner:
		case e.Managed && len(lost[e.Object]) > 0:
			var ls []string
			for _, l := range lost[e.Object] {
				ls = append(ls, l.String())
			}
			t.Errorf("%s on %s is managed, but the rebuild lost:\n  %s", e.Property, e.Object, strings.Join(ls, "\n  "))
		case !e.Managed && !found:
			t.Errorf("%s on %s is reported, but the fidelity check did not name it (now managed? mark it so)", e.Property, e.Object)
		}
		if !e.Managed && !owner {
			claimed[e.Object] = true
		}
	}
	for _, l := range rep.Losses {
		if !claimed[l.Object] {
			t.Errorf("a loss no matrix entry expects: %s", l)
		}
	}
	if t.Failed() {
		return
	}
	checkManagedOwners(t, srcConn, entries)
	if t.Failed() {
		return
	}
	checkCatalogColumns(t, srcConn)
	if *updateCoverage {
		if err := os.WriteFile(filepath.Join("..", "..", "docs", "fidelity.md"), []byte(coverageDoc(major)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// checkManagedOwners runs the fidelity check again with owners =
// "manage": the files then carry the owners of the matrix's owner
// entries, and the rebuild must have them.
func checkManagedOwners(t *testing.T, srcConn *pgx.Conn, entries []coverageEntry) {
	t.Helper()
	ctx := context.Background()
	sc := Scope{ManageOwners: true}
	remote, err := LoadRemoteScoped(ctx, srcConn, nil, sc)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if _, err := remote.WriteFiles(dir); err != nil {
		t.Fatal(err)
	}
	local, err := LoadLocalScoped(dir, sc)
	if err != nil {
		t.Fatal(err)
	}
	scratch, err := connect(t, srv.NewDatabase(t))
	if err != nil {
		t.Fatal(err)
	}
	rep, err := CheckFidelity(ctx, srcConn, scratch, local, sc)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Skipped != "" || rep.BuildErr != nil {
		t.Fatalf("fidelity check with owners managed did not compare: %s %v", rep.Skipped, rep.BuildErr)
	}
	owned := map[string]bool{}
	for _, e := range entries {
		if catalog.IsOwnerProperty(e.Property) {
			owned[e.Object] = true
		}
	}
	for _, l := range rep.Losses {
		if owned[l.Object] || catalog.IsOwnerProperty(l.Property) {
			t.Errorf("owners = \"manage\": the rebuild lost %s", l)
		}
	}
}

// serverMajorOf is the major release of the server at dsn.
func serverMajorOf(t *testing.T, dsn string) int {
	conn, err := connect(t, dsn)
	if err != nil {
		t.Fatal(err)
	}
	return serverMajor(conn)
}

// coveredCatalogs are the catalogs whose every column catalogColumns must
// classify.
func coveredCatalogs() []string {
	seen := map[string]bool{}
	var out []string
	for k := range catalogColumns {
		c, _, _ := strings.Cut(k, ".")
		if !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	sort.Strings(out)
	return out
}

// checkCatalogColumns fails for a column of a covered catalog that the
// classification lacks: a new release's column must be decided on.
func checkCatalogColumns(t *testing.T, conn *pgx.Conn) {
	t.Helper()
	var cols []string
	err := conn.QueryRow(context.Background(), `SELECT coalesce(array_agg(table_name || '.' || column_name ORDER BY 1), '{}')
		FROM information_schema.columns WHERE table_schema = 'pg_catalog' AND table_name = ANY($1)`, coveredCatalogs()).Scan(&cols)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cols {
		if _, ok := catalogColumns[c]; !ok {
			t.Errorf("catalog column %s is not classified in catalogColumns: decide how the fidelity check sees it", c)
		}
	}
}

// coverageDoc renders docs/fidelity.md: the classification of every
// catalog column and the matrix of attributes with their status.
func coverageDoc(major int) string {
	var b strings.Builder
	b.WriteString("# Fidelity: the catalog coverage matrix\n\n")
	b.WriteString("Generated by `go test ./internal/engine -run TestCoverageMatrix -update-coverage` (PostgreSQL " + fmt.Sprint(major) + "); do not edit.\n\n")
	b.WriteString("`renovate init` and `renovate fetch` rebuild the files they wrote in a scratch database and compare its catalog with the\n")
	b.WriteString("database's (the fidelity check, `--verify`). The comparison reads the system catalogs and PostgreSQL's own `pg_get_*def`\n")
	b.WriteString("functions, not renovate's model, so whatever the files lose is named per object and property (`--strict`: an error).\n\n")
	b.WriteString("## Attributes a user can set\n\n")
	b.WriteString("Each row is set to a non-default value on an object of its own by `TestCoverageMatrix`, which checks that renovate\n")
	b.WriteString("round-trips it (managed) or that the fidelity check names it (reported).\n\n")
	b.WriteString("| property | object | renovate |\n|---|---|---|\n")
	managed, reported, owners := 0, 0, 0
	for _, e := range coverageMatrix {
		status := "reported"
		switch {
		case catalog.IsOwnerProperty(e.Property):
			status = "managed with owners = \"manage\"; not compared with owners = \"ignore\""
			owners++
		case e.Managed:
			status = "managed"
			managed++
		default:
			reported++
		}
		if e.MinVersion > 0 {
			status += fmt.Sprintf(" (PostgreSQL %d+)", e.MinVersion)
		}
		fmt.Fprintf(&b, "| `%s` | %s | %s |\n", e.Property, e.Object, status)
	}
	fmt.Fprintf(&b, "\n%d attributes managed, %d reported, %d owners managed or not compared as renovate.hcl says.\n\n", managed, reported, owners)
	b.WriteString("Owners (every `*owner` column) follow `owners` in renovate.hcl. With `owners = \"ignore\"`, the default, the\n")
	b.WriteString("files carry no `OWNER TO`, objects a plan creates belong to the role applying it, and the fidelity check compares\n")
	b.WriteString("no owners (the rebuild's belong to whoever built it); `init` and `plan` say so once. With `owners = \"manage\"`, the\n")
	b.WriteString("files end with `ALTER ... OWNER TO` for every object that has an owner: schemas, tables (foreign tables too), views,\n")
	b.WriteString("materialized views, standalone sequences, types, domains, functions, procedures, aggregates, operators, operator\n")
	b.WriteString("classes and families, collations, text search configurations and dictionaries, statistics objects, publications,\n")
	b.WriteString("event triggers, foreign-data wrappers and servers; plans change them, and the check compares every owner.\n\n")
	b.WriteString("## Every column of the catalogs\n\n")
	b.WriteString("A column the server has and this table lacks fails the test, so a new release's catalog columns are decided on.\n\n")
	b.WriteString("| column | fidelity check | note |\n|---|---|---|\n")
	keys := make([]string, 0, len(catalogColumns))
	for k := range catalogColumns {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	counts := map[string]int{}
	for _, k := range keys {
		c := catalogColumns[k]
		counts[c.seen]++
		fmt.Fprintf(&b, "| `%s` | %s | %s |\n", k, c.seen, c.note)
	}
	fmt.Fprintf(&b, "\n%d columns: %d compared, %d compared as part of another property, %d identity, %d derived, %d internal, %d of unmanaged kinds.\n",
		len(keys), counts[seenCompared], counts[seenVia], counts[seenIdentity], counts[seenDerived], counts[seenInternal], counts[seenUnmanaged])
	return b.String()
}

// TestCoverageDocCurrent fails when docs/fidelity.md is not what
// TestCoverageMatrix -update-coverage writes from the matrix and the
// catalog classification above (on the release the file was generated
// on): a change to either must regenerate it.
func TestCoverageDocCurrent(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", "docs", "fidelity.md"))
	if err != nil {
		t.Fatal(err)
	}
	var major int
	doc := string(b)
	if i := strings.Index(doc, "(PostgreSQL "); i < 0 {
		t.Fatal("docs/fidelity.md does not say which release it was generated on")
	} else if _, err := fmt.Sscanf(doc[i:], "(PostgreSQL %d)", &major); err != nil {
		t.Fatalf("docs/fidelity.md: reading the release: %v", err)
	}
	if want := coverageDoc(major); doc != want {
		t.Errorf("docs/fidelity.md is out of date: run go test ./internal/engine -run TestCoverageMatrix -update-coverage (on PostgreSQL %d)\n%s",
			major, pgtest.DiffDumps(doc, want, "docs/fidelity.md", "generated"))
	}
}
