package sqlgen

import (
	"strings"

	"github.com/renovate-pg/renovate/state"
)

// PublicationsDefinition prints the publications file: every publication's
// definition, in name order.
func PublicationsDefinition(pubs []state.Publication) string {
	var b strings.Builder
	for i, p := range pubs {
		if i > 0 {
			b.WriteString("\n")
		}
		b.WriteString(PublicationDefinition(p))
	}
	return b.String()
}

// PublicationDefinition prints CREATE PUBLICATION and its comment.
func PublicationDefinition(p state.Publication) string {
	var b strings.Builder
	b.WriteString(CreatePublication(p))
	writeComment(&b, "PUBLICATION", QuoteIdent(p.Name), p.Comment)
	return b.String()
}

// CreatePublication prints CREATE PUBLICATION. Tables are written with
// ONLY, as the model lists every published table: an inheritance child is
// an entry of its own.
func CreatePublication(p state.Publication) string {
	var b strings.Builder
	b.WriteString("CREATE PUBLICATION " + QuoteIdent(p.Name))
	var objs []string
	for _, t := range p.Tables {
		objs = append(objs, "ONLY "+t)
	}
	for _, s := range p.Schemas {
		objs = append(objs, "TABLES IN SCHEMA "+QuoteIdent(s))
	}
	switch {
	case p.AllTables:
		b.WriteString(" FOR ALL TABLES")
	case len(objs) > 0:
		if len(p.Tables) > 0 {
			objs[0] = "TABLE " + objs[0]
		}
		if len(objs) == 1 {
			b.WriteString(" FOR " + objs[0])
		} else {
			b.WriteString(" FOR\n    " + strings.Join(objs, ",\n    ") + "\n")
		}
	}
	if with := publicationOptions(p, false); with != "" {
		if !strings.HasSuffix(b.String(), "\n") {
			b.WriteString(" ")
		}
		b.WriteString("WITH (" + with + ")")
	}
	b.WriteString(";\n")
	return b.String()
}

// publicationOptions prints the WITH options of p: those that differ from
// the defaults, or all of them for ALTER PUBLICATION ... SET.
func publicationOptions(p state.Publication, all bool) string {
	var opts []string
	if all || strings.Join(p.Publish, ",") != strings.Join(state.PublicationOperations, ",") {
		opts = append(opts, "publish = "+QuoteLiteral(strings.Join(p.Publish, ", ")))
	}
	if all || p.ViaRoot {
		v := "false"
		if p.ViaRoot {
			v = "true"
		}
		opts = append(opts, "publish_via_partition_root = "+v)
	}
	return strings.Join(opts, ", ")
}

// DropPublication prints DROP PUBLICATION.
func DropPublication(name string) string { return "DROP PUBLICATION " + QuoteIdent(name) + ";\n" }

// SetPublicationOptions prints ALTER PUBLICATION ... SET (...) with every
// option.
func SetPublicationOptions(p state.Publication) string {
	return "ALTER PUBLICATION " + QuoteIdent(p.Name) + " SET (" + publicationOptions(p, true) + ");\n"
}

// AddPublicationTable prints ALTER PUBLICATION ... ADD TABLE ONLY for one
// table entry (with its column list and row filter).
func AddPublicationTable(pub, entry string) string {
	return "ALTER PUBLICATION " + QuoteIdent(pub) + " ADD TABLE ONLY " + entry + ";\n"
}

// DropPublicationTable prints ALTER PUBLICATION ... DROP TABLE ONLY for one
// table entry.
func DropPublicationTable(pub, entry string) string {
	return "ALTER PUBLICATION " + QuoteIdent(pub) + " DROP TABLE ONLY " + PublicationEntryTable(entry) + ";\n"
}

// AddPublicationSchema prints ALTER PUBLICATION ... ADD TABLES IN SCHEMA.
func AddPublicationSchema(pub, schema string) string {
	return "ALTER PUBLICATION " + QuoteIdent(pub) + " ADD TABLES IN SCHEMA " + QuoteIdent(schema) + ";\n"
}

// DropPublicationSchema prints ALTER PUBLICATION ... DROP TABLES IN SCHEMA.
func DropPublicationSchema(pub, schema string) string {
	return "ALTER PUBLICATION " + QuoteIdent(pub) + " DROP TABLES IN SCHEMA " + QuoteIdent(schema) + ";\n"
}

// PublicationEntryTable returns the table part of a publication entry
// ("public.t (a) WHERE (a > 0)" -> "public.t"): the leading qualified name,
// whose parts may be quoted.
func PublicationEntryTable(entry string) string {
	i := 0
	for part := 0; part < 2 && i < len(entry); part++ {
		if entry[i] == '"' {
			i++
			for i < len(entry) {
				if entry[i] == '"' {
					if i+1 < len(entry) && entry[i+1] == '"' {
						i += 2
						continue
					}
					i++
					break
				}
				i++
			}
		} else {
			for i < len(entry) && entry[i] != '.' && entry[i] != ' ' {
				i++
			}
		}
		if i < len(entry) && entry[i] == '.' && part == 0 {
			i++
		}
	}
	return entry[:i]
}
