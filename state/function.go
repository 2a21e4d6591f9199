package state

// Function is a function or procedure (one overload).
//
// Every attribute holds its effective value: the parser fills in
// PostgreSQL's defaults for what CREATE FUNCTION leaves out (volatile,
// parallel unsafe, called on null input, security invoker, cost 100 or 1,
// rows 1000 for set-returning functions), so a function written with or
// without them compares equal.
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
	// SQLBody marks an SQL-standard body (RETURN expr or BEGIN ATOMIC ...
	// END, PostgreSQL 14+): Body is then SQL, not a string literal.
	SQLBody bool `json:"sql_body,omitempty"`
	// ObjectFile is the library of a C function written AS 'file',
	// 'symbol' (probin); Body is then the link symbol.
	ObjectFile string `json:"object_file,omitempty"`
	// Window marks a window function (CREATE FUNCTION ... WINDOW).
	Window bool `json:"window,omitempty"`
	// Volatility is "immutable", "stable" or "volatile".
	Volatility      string `json:"volatility,omitempty"`
	Strict          bool   `json:"strict,omitempty"`
	SecurityDefiner bool   `json:"security_definer,omitempty"`
	Leakproof       bool   `json:"leakproof,omitempty"`
	// Parallel is "safe", "restricted" or "unsafe".
	Parallel string  `json:"parallel,omitempty"`
	Cost     float64 `json:"cost,omitempty"`
	Rows     float64 `json:"rows,omitempty"`
	// Transforms are the types of TRANSFORM FOR TYPE (pg_proc.protrftypes),
	// as format_type prints them, in the order written (the server keeps
	// it).
	Transforms []string `json:"transforms,omitempty"`
	// Config are SET clauses as proconfig stores them
	// ("search_path=public, pg_temp"), sorted.
	Config []string `json:"config,omitempty"`
	// Args are the parameters in order, derived from Arguments and Result
	// (RETURNS TABLE columns are parameters of mode "table"). The planner
	// uses them to tell whether CREATE OR REPLACE can change the function.
	Args       []FunctionArg `json:"args,omitempty"`
	Comment    string        `json:"comment,omitempty"`
	Privileges []Privilege   `json:"privileges,omitempty"`
	// OwnerRevoked are the privileges the object's owner revoked from
	// itself (see Privilege): Grantee is the owner's role name (in a model
	// parsed from files, before the engine resolves it, any role's).
	OwnerRevoked []Privilege `json:"owner_revoked,omitempty"`
	// DependsOn are objects the function's signature or SQL body uses;
	// derived, used for ordering. Types of the signature are keyed as
	// types (a table's row type appears as a type of the table's name);
	// relations of an SQL-standard body as tables; functions carry no
	// signature.
	DependsOn   []ObjectKey `json:"depends_on,omitempty"`
	RenamedFrom string      `json:"renamed_from,omitempty"`
}

// FunctionArg is one parameter of a function or procedure.
type FunctionArg struct {
	// Mode is "in", "out", "inout", "variadic" or "table".
	Mode string `json:"mode"`
	Name string `json:"name,omitempty"`
	// Type is the type as format_type prints it without modifiers.
	Type string `json:"type"`
	// Default is the canonical DEFAULT expression, empty for none.
	Default string `json:"default,omitempty"`
}

// IsInput reports whether the parameter is passed in a call (IN, INOUT,
// VARIADIC): the parameters that identify a function's overload.
func (a FunctionArg) IsInput() bool {
	return a.Mode == "in" || a.Mode == "inout" || a.Mode == "variadic"
}

// IsOutput reports whether the parameter is part of the result (OUT,
// INOUT, TABLE).
func (a FunctionArg) IsOutput() bool {
	return a.Mode == "out" || a.Mode == "inout" || a.Mode == "table"
}

// Key returns the function's ObjectKey (with its signature).
func (f Function) Key() ObjectKey {
	k := KindFunction
	if f.Procedure {
		k = KindProcedure
	}
	return ObjectKey{Kind: k, Schema: f.Schema, Name: f.Name, Signature: "(" + f.IdentityArguments + ")"}
}

// QualName returns the function's schema-qualified name.
func (f Function) QualName() QualName { return QualName{f.Schema, f.Name} }

// InputTypes returns the types of the parameters that identify the
// overload (pg_proc.proargtypes), comma-separated: two routines of one name
// with the same InputTypes cannot coexist.
func (f Function) InputTypes() string {
	s := ""
	for _, a := range f.Args {
		if !a.IsInput() {
			continue
		}
		if s != "" {
			s += ", "
		}
		s += a.Type
	}
	return s
}
