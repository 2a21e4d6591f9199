-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

-- step 1: create subscription sub_new
-- hazard replication: Creating subscription sub_new does not connect to the publisher (connect = false): it starts disabled, creates no replication slot and copies no rows; before it is enabled, its slot must exist on the publisher, and a refresh copies the rows.
-- hazard not_transactional: Runs outside the plan's transaction because CREATE SUBSCRIPTION that creates a replication slot cannot run in a transaction block; if it fails, the steps before it stay applied.
-- renovate:no-transaction
CREATE SUBSCRIPTION sub_new
    CONNECTION 'host=publisher.invalid dbname=crm'
    PUBLICATION crm_pub
    WITH (connect = false, synchronous_commit = 'remote_apply', streaming = 'on');

-- step 2: alter subscription sub_orders
-- hazard not_transactional: Runs outside the plan's transaction because ALTER SUBSCRIPTION steps run in order with its refresh, which cannot run in a transaction block; if it fails, the steps before it stay applied.
-- renovate:no-transaction
ALTER SUBSCRIPTION sub_orders CONNECTION 'host=publisher2.invalid dbname=shop user=replicator';

-- step 3: alter subscription sub_orders
-- hazard not_transactional: Runs outside the plan's transaction because ALTER SUBSCRIPTION steps run in order with its refresh, which cannot run in a transaction block; if it fails, the steps before it stay applied.
-- renovate:no-transaction
ALTER SUBSCRIPTION sub_orders SET (binary = true, streaming = 'on');

-- step 4: alter subscription sub_orders
-- hazard not_transactional: Runs outside the plan's transaction because ALTER SUBSCRIPTION steps run in order with its refresh, which cannot run in a transaction block; if it fails, the steps before it stay applied.
-- renovate:no-transaction
ALTER SUBSCRIPTION sub_orders SET PUBLICATION orders_pub, items_pub WITH (refresh = false);

-- step 5: alter subscription sub_orders
-- hazard not_transactional: Runs outside the plan's transaction because ALTER SUBSCRIPTION steps run in order with its refresh, which cannot run in a transaction block; if it fails, the steps before it stay applied.
-- renovate:no-transaction
COMMENT ON SUBSCRIPTION sub_orders IS 'orders and items from the shop';

-- step 6: drop subscription sub_gone
-- hazard replication: Dropping subscription sub_gone stops replication; it has no replication slot (slot_name = NONE), so nothing is dropped on the publisher.
-- hazard not_transactional: Runs outside the plan's transaction because DROP SUBSCRIPTION that drops a replication slot cannot run in a transaction block; if it fails, the steps before it stay applied.
-- renovate:no-transaction
DROP SUBSCRIPTION sub_gone;
