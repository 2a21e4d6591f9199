package parser

import (
	"fmt"
	"strings"

	pg_query "github.com/pganalyze/pg_query_go/v5"

	"github.com/renovate-pg/renovate/state"
)

// This file reads CREATE CONVERSION and CREATE ACCESS METHOD into
// definition objects (state.DefObject of KindConversion and
// KindAccessMethod), with COMMENT ON CONVERSION / ACCESS METHOD
// (defComment). The canonical forms:
//
//	CREATE DEFAULT CONVERSION public.my_conv FOR 'UTF8' TO 'LATIN1' FROM public.my_conv_fn;
//	CREATE ACCESS METHOD my_am TYPE INDEX HANDLER bthandler;
//
// Encoding names are PostgreSQL's own (pg_encoding_to_char), whatever
// alias the file writes ('utf-8', 'Unicode', 'iso88591'); a function of
// pg_catalog is written unqualified, any other qualified.

// builtinAccessMethods are the access methods every database has.
var builtinAccessMethods = map[string]bool{
	"heap": true, "btree": true, "hash": true, "gist": true, "gin": true, "spgist": true, "brin": true,
}

// accessMethodRef records a reference to an access method made by hand
// (not a built-in one).
func (r *refs) accessMethodRef(method string) {
	if method != "" && !builtinAccessMethods[method] {
		r.add(state.ObjectKey{Kind: state.KindAccessMethod, Name: method})
	}
}

// createConversion handles CREATE [DEFAULT] CONVERSION.
func (p *fileParser) createConversion(s *pg_query.CreateConversionStmt, loc Location) {
	name, ok := p.anyName(s.ConversionName, loc)
	if !ok {
		return
	}
	fail := func(err error) { p.errs.semantic(loc, "conversion %s: %v", name, err) }
	from, err := canonicalEncoding(s.ForEncodingName)
	if err != nil {
		fail(fmt.Errorf("source encoding: %w", err))
		return
	}
	to, err := canonicalEncoding(s.ToEncodingName)
	if err != nil {
		fail(fmt.Errorf("destination encoding: %w", err))
		return
	}
	fnNames, err := stringList(s.FuncName)
	if err != nil || len(fnNames) == 0 {
		fail(fmt.Errorf("improper function name"))
		return
	}
	var r refs
	fn, q, err := refName(fnNames, builtinFuncs)
	if err != nil {
		fail(err)
		return
	}
	if q.Schema != "" {
		r.add(state.ObjectKey{Kind: state.KindFunction, Schema: q.Schema, Name: q.Name})
	}
	def := "CREATE "
	if s.Def {
		def += "DEFAULT "
	}
	def += "CONVERSION " + quoteQualified(name.Schema, name.Name) + " FOR " + quoteLiteral(from) +
		" TO " + quoteLiteral(to) + " FROM " + fn + ";"
	p.add(&defObjectDef{loc: loc, obj: state.DefObject{Kind: state.KindConversion, Schema: name.Schema, Name: name.Name,
		Definition: def, Refs: r.keys}})
}

// createAccessMethod handles CREATE ACCESS METHOD name TYPE INDEX | TABLE
// HANDLER function.
func (p *fileParser) createAccessMethod(s *pg_query.CreateAmStmt, loc Location) {
	name := s.Amname
	fail := func(err error) { p.errs.semantic(loc, "access method %s: %v", quoteIdent(name), err) }
	if builtinAccessMethods[name] {
		fail(fmt.Errorf("access method %q already exists (it is built in)", name))
		return
	}
	var typ string
	switch s.Amtype {
	case "i":
		typ = "INDEX"
	case "t":
		typ = "TABLE"
	default:
		fail(fmt.Errorf("unknown access method type %q", s.Amtype))
		return
	}
	fnNames, err := stringList(s.HandlerName)
	if err != nil || len(fnNames) == 0 {
		fail(fmt.Errorf("improper handler name"))
		return
	}
	var r refs
	fn, q, err := refName(fnNames, builtinFuncs)
	if err != nil {
		fail(err)
		return
	}
	if q.Schema != "" {
		r.add(state.ObjectKey{Kind: state.KindFunction, Schema: q.Schema, Name: q.Name})
	}
	def := "CREATE ACCESS METHOD " + quoteIdent(name) + " TYPE " + typ + " HANDLER " + fn + ";"
	p.add(&defObjectDef{loc: loc, obj: state.DefObject{Kind: state.KindAccessMethod, Name: name,
		Definition: def, Refs: r.keys}})
}

// canonicalEncoding returns PostgreSQL's name of an encoding written in
// any spelling it accepts (pg_char_to_encoding: case, and every character
// that is not a letter or digit, do not count).
func canonicalEncoding(s string) (string, error) {
	var b strings.Builder
	for _, c := range strings.ToLower(s) {
		if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' {
			b.WriteRune(c)
		}
	}
	if e, ok := encodingNames[b.String()]; ok {
		return e, nil
	}
	return "", fmt.Errorf("%q is not a valid encoding name", s)
}

// encodingNames maps the cleaned names PostgreSQL accepts (its
// pg_encname_tbl) to the encoding's own name.
var encodingNames = map[string]string{
	"abc": "WIN1258", "alt": "WIN866", "big5": "BIG5", "euccn": "EUC_CN", "eucjis2004": "EUC_JIS_2004",
	"eucjp": "EUC_JP", "euckr": "EUC_KR", "euctw": "EUC_TW", "gb18030": "GB18030", "gbk": "GBK",
	"iso88591": "LATIN1", "iso885910": "LATIN6", "iso885913": "LATIN7", "iso885914": "LATIN8",
	"iso885915": "LATIN9", "iso885916": "LATIN10", "iso88592": "LATIN2", "iso88593": "LATIN3",
	"iso88594": "LATIN4", "iso88595": "ISO_8859_5", "iso88596": "ISO_8859_6", "iso88597": "ISO_8859_7",
	"iso88598": "ISO_8859_8", "iso88599": "LATIN5", "johab": "JOHAB", "koi8": "KOI8R", "koi8r": "KOI8R",
	"koi8u": "KOI8U", "latin1": "LATIN1", "latin10": "LATIN10", "latin2": "LATIN2", "latin3": "LATIN3",
	"latin4": "LATIN4", "latin5": "LATIN5", "latin6": "LATIN6", "latin7": "LATIN7", "latin8": "LATIN8",
	"latin9": "LATIN9", "mskanji": "SJIS", "muleinternal": "MULE_INTERNAL", "shiftjis": "SJIS",
	"shiftjis2004": "SHIFT_JIS_2004", "sjis": "SJIS", "sqlascii": "SQL_ASCII", "tcvn": "WIN1258",
	"tcvn5712": "WIN1258", "uhc": "UHC", "unicode": "UTF8", "utf8": "UTF8", "vscii": "WIN1258",
	"win": "WIN1251", "win1250": "WIN1250", "win1251": "WIN1251", "win1252": "WIN1252", "win1253": "WIN1253",
	"win1254": "WIN1254", "win1255": "WIN1255", "win1256": "WIN1256", "win1257": "WIN1257",
	"win1258": "WIN1258", "win866": "WIN866", "win874": "WIN874", "win932": "SJIS", "win936": "GBK",
	"win949": "UHC", "win950": "BIG5", "windows1250": "WIN1250", "windows1251": "WIN1251",
	"windows1252": "WIN1252", "windows1253": "WIN1253", "windows1254": "WIN1254", "windows1255": "WIN1255",
	"windows1256": "WIN1256", "windows1257": "WIN1257", "windows1258": "WIN1258", "windows866": "WIN866",
	"windows874": "WIN874", "windows932": "SJIS", "windows936": "GBK", "windows949": "UHC", "windows950": "BIG5",
}
