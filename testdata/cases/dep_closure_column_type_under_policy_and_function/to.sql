-- acl.uid changes type: the policy of docs and the routine whose body
-- reads the column go before and come back after.
CREATE TABLE acl (uid bigint, role text);
CREATE TABLE docs (id integer);
ALTER TABLE docs ENABLE ROW LEVEL SECURITY;
CREATE POLICY docs_acl ON docs USING (EXISTS (SELECT 1 FROM acl WHERE acl.uid = docs.id AND acl.role = 'r'));
CREATE FUNCTION roles_of(u integer) RETURNS SETOF text LANGUAGE sql STABLE BEGIN ATOMIC SELECT role FROM acl WHERE uid = u; END;
