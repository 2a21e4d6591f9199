// Command testsummary reads `go test -json` on stdin and prints what a
// plain `go test` prints (a line per package, and the output of failing
// tests), then a summary of every skipped test with its reason, so that
// skips are seen in CI without the noise of -v. It exits 1 when a test or
// package failed, so a pipeline with pipefail fails either way.
//
//	go test -json ./... | go run ./scripts/testsummary
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

// event is one line of go test -json (see go doc test2json).
type event struct {
	Action  string
	Package string
	Test    string
	Output  string
}

// skip is a skipped test and why.
type skip struct {
	pkg, test, reason string
}

// maxSkips bounds the summary; the rest are counted.
const maxSkips = 60

func main() {
	failed, err := summarize(os.Stdin, os.Stdout)
	if err != nil {
		fmt.Fprintln(os.Stderr, "testsummary:", err)
		os.Exit(2)
	}
	if failed {
		os.Exit(1)
	}
}

func summarize(in io.Reader, out io.Writer) (bool, error) {
	type key struct{ pkg, test string }
	buf := map[key][]string{}
	var skips []skip
	failed := false
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 1024*1024), 64*1024*1024)
	for sc.Scan() {
		line := sc.Bytes()
		var e event
		if err := json.Unmarshal(line, &e); err != nil || e.Action == "" {
			// Not an event (go vet or build output): pass it on.
			fmt.Fprintln(out, string(line))
			continue
		}
		k := key{e.Package, e.Test}
		switch e.Action {
		case "build-output":
			fmt.Fprint(out, e.Output)
		case "output":
			if e.Test == "" {
				// Package lines: ok/FAIL/PASS and anything printed
				// outside a test.
				if !strings.HasPrefix(e.Output, "=== ") && e.Output != "PASS\n" && !strings.HasPrefix(e.Output, "--- ") {
					fmt.Fprint(out, e.Output)
				}
				continue
			}
			buf[k] = append(buf[k], e.Output)
		case "fail":
			failed = true
			for _, l := range buf[k] {
				if !strings.HasPrefix(l, "=== ") {
					fmt.Fprint(out, l)
				}
			}
			delete(buf, k)
		case "skip":
			if e.Test != "" {
				skips = append(skips, skip{pkg: e.Package, test: e.Test, reason: reason(buf[k])})
			}
			delete(buf, k)
		case "pass":
			delete(buf, k)
		}
	}
	if err := sc.Err(); err != nil {
		return failed, err
	}
	printSkips(out, skips)
	return failed, nil
}

// reason is the text a skipped test logged: its t.Skip message.
func reason(lines []string) string {
	var parts []string
	for _, l := range lines {
		t := strings.TrimSpace(l)
		if t == "" || strings.HasPrefix(t, "=== ") || strings.HasPrefix(t, "--- SKIP") {
			continue
		}
		parts = append(parts, t)
	}
	return strings.Join(parts, " ")
}

func printSkips(out io.Writer, skips []skip) {
	if len(skips) == 0 {
		fmt.Fprintln(out, "No test was skipped.")
		return
	}
	sort.Slice(skips, func(i, j int) bool {
		if skips[i].pkg != skips[j].pkg {
			return skips[i].pkg < skips[j].pkg
		}
		return skips[i].test < skips[j].test
	})
	fmt.Fprintf(out, "%d test(s) skipped:\n", len(skips))
	for i, s := range skips {
		if i == maxSkips {
			fmt.Fprintf(out, "  ... and %d more\n", len(skips)-maxSkips)
			break
		}
		r := s.reason
		if r == "" {
			r = "(no reason given)"
		}
		if len(r) > 200 {
			r = r[:200] + "..."
		}
		fmt.Fprintf(out, "  SKIP %s %s: %s\n", s.pkg, s.test, r)
	}
}
