package layout

import (
	"strings"

	"github.com/renovate-pg/renovate/sqlgen"
	"github.com/renovate-pg/renovate/state"
)

// The files of the definition objects (state.DefObject):
//
//	casts.sql                                     every cast (casts belong to no schema)
//	languages.sql                                 every procedural language made outside an extension
//	transforms.sql                                every transform made outside an extension
//	<schema>/aggregates/<name>.sql                every overload of an aggregate
//	<schema>/statistics/<name>.sql                a statistics object (CREATE STATISTICS)
//	<schema>/text_search/<kind>.<name>.sql        kind: configuration, dictionary, parser, template
//	<schema>/operators/<symbol>.sql               every overload of an operator (the symbol escaped)
//	<schema>/rules/<table>.<rule>.sql             a rule, named as triggers are
//	<schema>/operator_families/<name>.<method>.sql  an operator family and its loose members
//	<schema>/operator_classes/<name>.<method>.sql   an operator class
//	<schema>/conversions/<name>.sql               an encoding conversion
//	access_methods.sql                            every access method made by hand (they belong to no schema)

// CastsPath is the file of every cast, written only when there are some.
const CastsPath = "casts.sql"

// AccessMethodsPath is the file of every access method made by CREATE
// ACCESS METHOD (not an extension's), written only when there are some.
const AccessMethodsPath = "access_methods.sql"

// LanguagesPath and TransformsPath are the files of the languages and
// transforms, which belong to no schema, written only when there are
// some.
const (
	LanguagesPath  = "languages.sql"
	TransformsPath = "transforms.sql"
)

// tsFileKinds maps text search kinds to their file name prefix.
var tsFileKinds = map[state.Kind]string{
	state.KindTSConfiguration: "configuration",
	state.KindTSDictionary:    "dictionary",
	state.KindTSParser:        "parser",
	state.KindTSTemplate:      "template",
}

// DefObjectPath is the file a definition object is written to.
func DefObjectPath(o state.DefObject) string {
	switch o.Kind {
	case state.KindCast:
		return CastsPath
	case state.KindAccessMethod:
		return AccessMethodsPath
	case state.KindConversion:
		return ObjectPath(o.Schema, "conversions", o.Name)
	case state.KindLanguage:
		return LanguagesPath
	case state.KindTransform:
		return TransformsPath
	case state.KindAggregate:
		return ObjectPath(o.Schema, "aggregates", o.Name)
	case state.KindStatisticsObject:
		return ObjectPath(o.Schema, "statistics", o.Name)
	case state.KindOperator:
		return ObjectPath(o.Schema, "operators", o.Name)
	case state.KindRule:
		return RulePath(state.QualName{Schema: o.Schema, Name: o.Table}, o.Name)
	case state.KindOperatorFamily:
		return opFamilyPath(o, "operator_families")
	case state.KindOperatorClass:
		return opFamilyPath(o, "operator_classes")
	}
	return FileName(o.Schema) + "/text_search/" + tsFileKinds[o.Kind] + "." + FileName(o.Name) + ".sql"
}

// defObjectFiles adds the files of the definition objects.
func defObjectFiles(s state.DatabaseSchema, out map[string]string) {
	byFile := map[string][]state.DefObject{}
	var paths []string
	for _, o := range s.Objects {
		p := DefObjectPath(o)
		if _, ok := byFile[p]; !ok {
			paths = append(paths, p)
		}
		byFile[p] = append(byFile[p], o)
	}
	for _, p := range paths {
		out[p] = sqlgen.DefObjectsFile(byFile[p])
	}
}

// isDefObjectPath reports whether p is a path defObjectFiles could
// produce.
func isDefObjectPath(p string) bool {
	if p == CastsPath || p == AccessMethodsPath || p == LanguagesPath || p == TransformsPath {
		return true
	}
	parts := strings.Split(p, "/")
	if len(parts) != 3 || !strings.HasSuffix(parts[2], ".sql") {
		return false
	}
	switch parts[1] {
	case "aggregates", "statistics", "operators", "conversions":
		return true
	case "operator_families", "operator_classes":
		return strings.Count(strings.TrimSuffix(parts[2], ".sql"), ".") == 1
	case "rules":
		return strings.Count(strings.TrimSuffix(parts[2], ".sql"), ".") == 1
	case "text_search":
		kind, _, ok := strings.Cut(parts[2], ".")
		if !ok {
			return false
		}
		for _, k := range tsFileKinds {
			if k == kind {
				return true
			}
		}
	}
	return false
}

// RulePath is the file of rule name on table, named as TriggerPath names
// a trigger's.
func RulePath(table state.QualName, name string) string {
	p := TriggerPath(table, name)
	return strings.Replace(p, "/triggers/", "/rules/", 1)
}

// opFamilyPath is the file of an operator family or class: named by its
// name and index access method, "rev_ops.btree.sql", as a class and a
// family of one name may exist for several methods.
func opFamilyPath(o state.DefObject, dir string) string {
	return FileName(o.Schema) + "/" + dir + "/" + FileName(o.Name) + "." + FileName(sqlgen.OpFamilyMethod(o)) + ".sql"
}
