package state

import (
	"net/url"
	"strings"
)

// ConninfoSecret is a password in a libpq connection string: its key and
// where its value is (byte offsets, the quotes of a quoted value
// included).
type ConninfoSecret struct {
	Key        string
	Value      string
	Start, End int
}

// isSecretKey reports whether a connection parameter holds a secret.
func isSecretKey(k string) bool { return k == "password" || k == "sslpassword" }

// ConninfoSecrets returns the secrets of a libpq connection string: the
// values of password and sslpassword in keyword/value form, or, for a URL,
// the password of its user info and password= parameters (whose Start and
// End are -1: a URL's secrets cannot be replaced in place). ok is false
// when the string cannot be read (an unterminated quote).
func ConninfoSecrets(conninfo string) (secrets []ConninfoSecret, ok bool) {
	s := strings.TrimSpace(conninfo)
	if strings.HasPrefix(s, "postgres://") || strings.HasPrefix(s, "postgresql://") {
		u, err := url.Parse(s)
		if err != nil {
			return nil, false
		}
		if u.User != nil {
			if pw, set := u.User.Password(); set {
				secrets = append(secrets, ConninfoSecret{Key: "password", Value: pw, Start: -1, End: -1})
			}
		}
		for k, vs := range u.Query() {
			if isSecretKey(k) {
				for _, v := range vs {
					secrets = append(secrets, ConninfoSecret{Key: k, Value: v, Start: -1, End: -1})
				}
			}
		}
		return secrets, true
	}
	i := 0
	for {
		for i < len(conninfo) && isSpace(conninfo[i]) {
			i++
		}
		if i >= len(conninfo) {
			return secrets, true
		}
		ks := i
		for i < len(conninfo) && conninfo[i] != '=' && !isSpace(conninfo[i]) {
			i++
		}
		key := conninfo[ks:i]
		for i < len(conninfo) && isSpace(conninfo[i]) {
			i++
		}
		if i >= len(conninfo) || conninfo[i] != '=' {
			return secrets, false
		}
		i++
		for i < len(conninfo) && isSpace(conninfo[i]) {
			i++
		}
		vs := i
		var val strings.Builder
		if i < len(conninfo) && conninfo[i] == '\'' {
			i++
			closed := false
			for i < len(conninfo) {
				c := conninfo[i]
				if c == '\\' && i+1 < len(conninfo) {
					val.WriteByte(conninfo[i+1])
					i += 2
					continue
				}
				i++
				if c == '\'' {
					closed = true
					break
				}
				val.WriteByte(c)
			}
			if !closed {
				return secrets, false
			}
		} else {
			for i < len(conninfo) && !isSpace(conninfo[i]) {
				if conninfo[i] == '\\' && i+1 < len(conninfo) {
					i++
				}
				val.WriteByte(conninfo[i])
				i++
			}
		}
		if isSecretKey(key) {
			secrets = append(secrets, ConninfoSecret{Key: key, Value: val.String(), Start: vs, End: i})
		}
	}
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}

// QuoteConninfoValue quotes a value for a keyword/value connection string.
func QuoteConninfoValue(v string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(v) + "'"
}
