CREATE TYPE "Priority" AS ENUM ('high', 'low', 'medium');
CREATE TABLE tasks (id integer PRIMARY KEY, prio "Priority" DEFAULT 'medium');
REVOKE USAGE ON TYPE "Priority" FROM PUBLIC;
