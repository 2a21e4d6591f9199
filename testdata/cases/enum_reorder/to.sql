CREATE TYPE "Priority" AS ENUM ('low', 'medium', 'high');
CREATE TABLE tasks (id integer PRIMARY KEY, prio "Priority" DEFAULT 'medium');
REVOKE USAGE ON TYPE "Priority" FROM PUBLIC;
