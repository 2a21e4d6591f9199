package config

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
)

// redacted replaces passwords in Redact's output.
const redacted = "xxxxx"

// StripPassword returns the libpq connection string dsn without any
// password: the password in a URL's user info, and password= / sslpassword=
// parameters in a URL's query or in keyword/value form. Everything else is
// kept as written (in keyword/value form, parameters end up separated by
// single spaces). A keyword/value string that cannot be parsed is returned
// unchanged unless it mentions "password", in which case "" is returned.
func StripPassword(dsn string) string {
	d, err := parseDSN(dsn)
	if d == nil || (err != nil && !d.uri) {
		if mentionsPassword(dsn) {
			return ""
		}
		return dsn
	}
	if d.uri {
		var b strings.Builder
		queryStart := len(dsn)
		if d.query >= 0 {
			queryStart = d.query - 1 // the '?'
		}
		switch {
		case d.userEnd < 0:
			b.WriteString(dsn[:queryStart])
		case d.colon < 0:
			b.WriteString(dsn[:queryStart])
		case d.colon == d.userStart: // ":pw@host": no user left either
			b.WriteString(dsn[:d.userStart])
			b.WriteString(dsn[d.userEnd+1 : queryStart])
		default:
			b.WriteString(dsn[:d.colon])
			b.WriteString(dsn[d.userEnd:queryStart])
		}
		if d.query >= 0 {
			var kept []string
			for _, p := range d.params {
				if !isPasswordKey(p.key) {
					kept = append(kept, dsn[p.start:p.end])
				}
			}
			if len(kept) > 0 {
				b.WriteByte('?')
				b.WriteString(strings.Join(kept, "&"))
			}
		}
		return b.String()
	}
	var kept []string
	for _, p := range d.params {
		if !isPasswordKey(p.key) {
			kept = append(kept, dsn[p.start:p.end])
		}
	}
	return strings.Join(kept, " ")
}

// Redact returns dsn with every password (see StripPassword) replaced by
// "xxxxx", for logs and error messages; empty passwords are left alone. A
// keyword/value string that cannot be parsed is returned unchanged unless it
// mentions "password", in which case it is replaced by "xxxxx" as a whole.
//
// A URL whose scheme is not postgres:// or postgresql:// (a typo such as
// "postgress://app:pw@host/db") is redacted as if it were one: a mistyped
// connection string must not echo its password.
func Redact(dsn string) string {
	if scheme, rest, ok := otherURL(dsn); ok {
		const pg = "postgres://"
		return scheme + "://" + strings.TrimPrefix(Redact(pg+rest), pg)
	}
	d, err := parseDSN(dsn)
	if d == nil || (err != nil && !d.uri) {
		if mentionsPassword(dsn) {
			return redacted
		}
		return dsn
	}
	// Spans to replace, in increasing order.
	type span struct{ start, end int }
	var spans []span
	if d.uri && d.userEnd >= 0 && d.colon >= 0 && d.colon+1 < d.userEnd {
		spans = append(spans, span{d.colon + 1, d.userEnd})
	}
	for _, p := range d.params {
		if isPasswordKey(p.key) && p.value != "" {
			spans = append(spans, span{p.valStart, p.valEnd})
		}
	}
	var b strings.Builder
	last := 0
	for _, s := range spans {
		b.WriteString(dsn[last:s.start])
		b.WriteString(redacted)
		last = s.end
	}
	b.WriteString(dsn[last:])
	return b.String()
}

// otherURL splits a URL of a scheme other than postgres and postgresql
// into the scheme and what follows "://".
func otherURL(s string) (scheme, rest string, ok bool) {
	i := strings.Index(s, "://")
	if i <= 0 {
		return "", "", false
	}
	scheme = s[:i]
	if scheme == "postgres" || scheme == "postgresql" {
		return "", "", false
	}
	for _, c := range scheme {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.') {
			return "", "", false
		}
	}
	return scheme, s[i+3:], true
}

// HasPassword reports whether dsn contains a non-empty password (see
// StripPassword). Unparseable keyword/value strings that mention "password"
// count as having one.
func HasPassword(dsn string) bool {
	d, err := parseDSN(dsn)
	if d == nil || (err != nil && !d.uri) {
		return mentionsPassword(dsn)
	}
	if d.uri && d.userEnd >= 0 && d.colon >= 0 && d.colon+1 < d.userEnd {
		return true
	}
	for _, p := range d.params {
		if isPasswordKey(p.key) && p.value != "" {
			return true
		}
	}
	return false
}

// validateDSN reports whether dsn is syntactically a libpq connection string
// (URL or keyword/value form). It does not check keywords or values.
func validateDSN(dsn string) error {
	_, err := parseDSN(dsn)
	return err
}

func isPasswordKey(k string) bool {
	return strings.EqualFold(k, "password") || strings.EqualFold(k, "sslpassword")
}

func mentionsPassword(s string) bool {
	return strings.Contains(strings.ToLower(s), "password")
}

// dsnParam is one key=value parameter: in a URL's query, or in a
// keyword/value string. Offsets index the connection string.
type dsnParam struct {
	key, value       string // decoded
	start, end       int    // the whole "key=value"
	valStart, valEnd int    // the value as written (with quotes, if any)
}

// parsedDSN locates the parts of a connection string that may hold secrets.
type parsedDSN struct {
	uri bool
	// URL form: user info is dsn[userStart:userEnd], followed by '@';
	// userEnd is -1 without user info. colon is the ':' before the password,
	// or -1. query is the offset after '?', or -1.
	userStart, userEnd, colon, query int
	params                           []dsnParam
}

// parseDSN parses dsn the way libpq does. For URLs it always returns a
// result, even with an error (which then concerns the query string or
// percent-encoding); for keyword/value strings it returns nil on error.
func parseDSN(dsn string) (*parsedDSN, error) {
	for _, prefix := range []string{"postgresql://", "postgres://"} {
		if strings.HasPrefix(dsn, prefix) {
			return parseURI(dsn, len(prefix))
		}
	}
	return parseKeywordValue(dsn)
}

func parseURI(dsn string, start int) (*parsedDSN, error) {
	d := &parsedDSN{uri: true, userStart: start, userEnd: -1, colon: -1, query: -1}
	// libpq ends the user info at the first '@' before any '/'; Go's
	// net/url (used by pgx) at the last '@' before any '/', '?' or '#'.
	// Take whichever reaches further, so that both readings are covered.
	for i := start; i < len(dsn) && dsn[i] != '/'; i++ {
		if dsn[i] == '@' {
			d.userEnd = i
			break
		}
	}
	for i := start; i < len(dsn) && !strings.ContainsRune("/?#", rune(dsn[i])); i++ {
		if dsn[i] == '@' && i > d.userEnd {
			d.userEnd = i
		}
	}
	var firstErr error
	fail := func(err error) {
		if firstErr == nil {
			firstErr = err
		}
	}
	rest := start
	if d.userEnd >= 0 {
		userinfo := dsn[start:d.userEnd]
		if c := strings.IndexByte(userinfo, ':'); c >= 0 {
			d.colon = start + c
		}
		if _, err := url.PathUnescape(userinfo); err != nil {
			fail(errors.New("invalid percent-encoding in user name or password"))
		}
		rest = d.userEnd + 1
	}
	q := strings.IndexByte(dsn[rest:], '?')
	if q < 0 {
		return d, firstErr
	}
	d.query = rest + q + 1
	pos := d.query
	for _, part := range strings.Split(dsn[d.query:], "&") {
		p := dsnParam{start: pos, end: pos + len(part)}
		pos = p.end + 1
		if part == "" {
			continue
		}
		eq := strings.IndexByte(part, '=')
		if eq < 0 {
			fail(fmt.Errorf("missing key/value separator \"=\" in URI query parameter %q", part))
			p.key, p.valStart, p.valEnd = part, p.end, p.end
			d.params = append(d.params, p)
			continue
		}
		p.valStart, p.valEnd = p.start+eq+1, p.end
		var err error
		if p.key, err = url.PathUnescape(part[:eq]); err != nil {
			fail(fmt.Errorf("invalid percent-encoding in URI query parameter %q", part[:eq]))
			p.key = part[:eq]
		}
		if p.value, err = url.PathUnescape(part[eq+1:]); err != nil {
			fail(fmt.Errorf("invalid percent-encoding in the value of URI query parameter %q", p.key))
			p.value = part[eq+1:]
		}
		d.params = append(d.params, p)
	}
	return d, firstErr
}

// isSpace is C's isspace in the C locale, as libpq uses it.
func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
}

func parseKeywordValue(dsn string) (*parsedDSN, error) {
	d := &parsedDSN{userStart: -1, userEnd: -1, colon: -1, query: -1}
	i, n := 0, len(dsn)
	skipSpace := func() {
		for i < n && isSpace(dsn[i]) {
			i++
		}
	}
	for {
		skipSpace()
		if i >= n {
			return d, nil
		}
		p := dsnParam{start: i}
		for i < n && dsn[i] != '=' && !isSpace(dsn[i]) {
			i++
		}
		p.key = dsn[p.start:i]
		skipSpace()
		if i >= n || dsn[i] != '=' {
			return nil, fmt.Errorf("missing \"=\" after %q in connection info string", p.key)
		}
		if p.key == "" {
			return nil, errors.New("missing keyword before \"=\" in connection info string")
		}
		i++
		skipSpace()
		p.valStart = i
		var v strings.Builder
		if i < n && dsn[i] == '\'' {
			i++
			for {
				if i >= n {
					return nil, errors.New("unterminated quoted string in connection info string")
				}
				c := dsn[i]
				i++
				if c == '\'' {
					break
				}
				if c == '\\' && i < n {
					c = dsn[i]
					i++
				}
				v.WriteByte(c)
			}
		} else {
			for i < n && !isSpace(dsn[i]) {
				c := dsn[i]
				i++
				if c == '\\' {
					if i >= n {
						break
					}
					c = dsn[i]
					i++
				}
				v.WriteByte(c)
			}
		}
		p.value, p.valEnd, p.end = v.String(), i, i
		d.params = append(d.params, p)
	}
}
