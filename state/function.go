package state

// Function is a function or procedure (one overload).
type Function struct {
	Schema string `json:"schema"`
	Name   string `json:"name"`
	// Procedure is true for CREATE PROCEDURE.
	Procedure bool `json:"procedure,omitempty"`
	// IdentityArguments is the argument list that identifies the overload,
	// as pg_get_function_identity_arguments prints it ("a integer, b text").
	IdentityArguments string `json:"identity_arguments"`
	// Arguments is the full argument list with modes, names and defaults,
	// as pg_get_function_arguments prints it.
	Arguments string `json:"arguments"`
	// Result is the result clause as pg_get_function_result prints it
	// ("integer", "SETOF public.t", "TABLE(a text, c integer)"); empty for
	// procedures.
	Result   string `json:"result,omitempty"`
	Language string `json:"language"`
	// Body is the source (prosrc) exactly as written between the quotes,
	// or the canonical SQL-standard body (BEGIN ATOMIC ... END).
	Body string `json:"body"`
	// Volatility is "immutable", "stable" or "volatile".
	Volatility      string `json:"volatility,omitempty"`
	Strict          bool   `json:"strict,omitempty"`
	SecurityDefiner bool   `json:"security_definer,omitempty"`
	Leakproof       bool   `json:"leakproof,omitempty"`
	// Parallel is "safe", "restricted" or "unsafe".
	Parallel string  `json:"parallel,omitempty"`
	Cost     float64 `json:"cost,omitempty"`
	Rows     float64 `json:"rows,omitempty"`
	// Config are SET clauses ("search_path=public, pg_temp"), sorted.
	Config     []string    `json:"config,omitempty"`
	Comment    string      `json:"comment,omitempty"`
	Privileges []Privilege `json:"privileges,omitempty"`
	// DependsOn are objects the function's signature or SQL body uses;
	// derived, used for ordering.
	DependsOn   []ObjectKey `json:"depends_on,omitempty"`
	RenamedFrom string      `json:"renamed_from,omitempty"`
}

// Key returns the function's ObjectKey (with its signature).
func (f Function) Key() ObjectKey {
	k := KindFunction
	if f.Procedure {
		k = KindProcedure
	}
	return ObjectKey{Kind: k, Schema: f.Schema, Name: f.Name, Signature: "(" + f.IdentityArguments + ")"}
}
