package parser

import "github.com/renovate-pg/renovate/state"

// The text search objects of pg_catalog on PostgreSQL 13 to 18. Names
// here are pg_catalog's when written unqualified.

// tsLanguages are the snowball languages: each has a configuration and a
// <language>_stem dictionary.
var tsLanguages = []string{
	"arabic", "armenian", "basque", "catalan", "danish", "dutch", "english", "estonian", "finnish",
	"french", "german", "greek", "hindi", "hungarian", "indonesian", "irish", "italian", "lithuanian",
	"nepali", "norwegian", "polish", "portuguese", "romanian", "russian", "serbian", "spanish", "swedish",
	"tamil", "turkish", "yiddish",
}

// tsASCIIEnglish are the languages whose configurations stem ASCII words
// with english_stem.
var tsASCIIEnglish = map[string]bool{"russian": true, "hindi": true}

var (
	builtinTSConfigs   = map[string]bool{"simple": true}
	builtinTSDicts     = map[string]bool{"simple": true}
	builtinTSParsers   = map[string]bool{"default": true}
	builtinTSTemplates = map[string]bool{"simple": true, "synonym": true, "ispell": true, "thesaurus": true, "snowball": true}
)

func init() {
	for _, l := range tsLanguages {
		builtinTSConfigs[l] = true
		builtinTSDicts[l+"_stem"] = true
	}
}

// defaultParserTokens are the token types of the default parser, in
// token-id order.
var defaultParserTokens = []string{
	"asciiword", "word", "numword", "asciihword", "hword", "numhword", "hword_asciipart", "hword_part",
	"hword_numpart", "email", "protocol", "url", "host", "url_path", "file", "sfloat", "float", "int",
	"uint", "version", "tag", "entity", "blank",
}

// builtinTSConfigMappings returns the mappings of a built-in
// configuration: word tokens go to the language's stemmer, the others
// (but protocol, tag, entity and blank, which are not indexed) to simple.
func builtinTSConfigMappings(name string) ([]state.DefSetting, bool) {
	if !builtinTSConfigs[name] {
		return nil, false
	}
	var out []state.DefSetting
	for _, tok := range defaultParserTokens {
		dict := "simple"
		switch tok {
		case "protocol", "tag", "entity", "blank":
			continue
		case "asciiword", "asciihword", "hword_asciipart":
			if name != "simple" {
				dict = name + "_stem"
				if tsASCIIEnglish[name] {
					dict = "english_stem"
				}
			}
		case "word", "hword", "hword_part":
			if name != "simple" {
				dict = name + "_stem"
			}
		}
		out = append(out, state.DefSetting{Name: tok, Value: dict})
	}
	return out, true
}
