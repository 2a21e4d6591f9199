package cli

import (
	"fmt"
	"strings"

	"github.com/renovate-pg/renovate/planner"
	"github.com/spf13/cobra"
)

// Values of --color.
const (
	colorAuto   = "auto"
	colorAlways = "always"
	colorNever  = "never"
)

// addColorFlag registers --color on a command that shows the text view.
func addColorFlag(c *cobra.Command, dst *string) {
	c.Flags().StringVar(dst, "color", colorAuto, "colour the text view: auto (only on a terminal, and not when NO_COLOR is set), always, or never")
}

// checkColor validates a --color value.
func checkColor(mode string) error {
	switch mode {
	case colorAuto, colorAlways, colorNever:
		return nil
	}
	return usageErrorf("--color must be auto, always or never, got %q", mode)
}

// useColor decides whether the text view is coloured. always and never
// are the user's explicit choice for this run and win over NO_COLOR, as
// https://no-color.org asks of command-line flags; auto colours only a
// terminal, and only when NO_COLOR is unset or empty.
func useColor(mode string, outTTY bool, getenv func(string) string) bool {
	switch mode {
	case colorAlways:
		return true
	case colorNever:
		return false
	}
	return outTTY && getenv("NO_COLOR") == ""
}

// Plan output formats.
const (
	formatText     = "text"
	formatSQL      = "sql"
	formatJSON     = "json"
	formatMarkdown = "markdown"
)

// checkFormat validates a --format value ("" picks by terminal).
func checkFormat(format string) error {
	switch format {
	case "", formatText, formatSQL, formatJSON, formatMarkdown:
		return nil
	}
	return usageErrorf("--format must be text, sql, json or markdown, got %q", format)
}

// hazardAny in --fail-on-hazard matches every hazard kind.
const hazardAny = "any"

// checkFailOnHazard validates --fail-on-hazard kinds against the hazard
// kinds the planner knows, so a typo cannot switch the gate off.
func checkFailOnHazard(kinds []string) error {
	known := []string{hazardAny}
	for _, k := range planner.HazardKinds() {
		known = append(known, string(k))
	}
	for _, k := range kinds {
		ok := false
		for _, x := range known {
			ok = ok || k == x
		}
		if !ok {
			return usageErrorf("--fail-on-hazard: unknown hazard kind %q (known: %s)", k, strings.Join(known, ", "))
		}
	}
	return nil
}

// failOnHazard returns a refusal (exit 3) naming the steps whose hazards
// are among kinds, or nil.
func failOnHazard(p *planner.Plan, kinds []string) error {
	if len(kinds) == 0 {
		return nil
	}
	want := map[string]bool{}
	for _, k := range kinds {
		want[k] = true
	}
	var hits []string
	for _, h := range p.Hazards() {
		if want[hazardAny] || want[string(h.Kind)] {
			hits = append(hits, fmt.Sprintf("  step %d (%s): %s: %s", h.Step, h.Object, h.Kind, h.Message))
		}
	}
	if len(hits) == 0 {
		return nil
	}
	return refused(fmt.Errorf("the plan has hazards that --fail-on-hazard does not allow:\n%s", strings.Join(hits, "\n")))
}
