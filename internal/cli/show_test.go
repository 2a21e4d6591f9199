package cli

import "testing"

func TestHasReferencesMarker(t *testing.T) {
	tests := []struct {
		name, plan string
		want       bool
	}{
		{name: "from show", plan: "-- renovate plan\n-- recorded run: x\n" + referencesMarker + "\n-- format_version: 1\n\nGRANT x TO {{var.a}};\n", want: true},
		{name: "from plan -o", plan: "-- renovate plan\n-- format_version: 1\n\nCOMMENT ON TABLE t IS '{{var.a}}';\n", want: false},
		{name: "marker after the header does not count", plan: "-- renovate plan\n\nSELECT 1;\n" + referencesMarker + "\n", want: false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := hasReferencesMarker(tt.plan); got != tt.want {
				t.Errorf("hasReferencesMarker = %v, want %v", got, tt.want)
			}
		})
	}
}
