-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

-- step 1: alter subscription sub_noslot
-- hazard not_transactional: Runs outside the plan's transaction because ALTER SUBSCRIPTION steps run in order with its refresh, which cannot run in a transaction block; if it fails, the steps before it stay applied.
-- renovate:no-transaction
ALTER SUBSCRIPTION sub_noslot SET (binary = true);

-- step 2: alter subscription sub_noslot
-- hazard not_transactional: Runs outside the plan's transaction because ALTER SUBSCRIPTION steps run in order with its refresh, which cannot run in a transaction block; if it fails, the steps before it stay applied.
-- renovate:no-transaction
ALTER SUBSCRIPTION sub_noslot SET (two_phase = true);

-- step 3: alter subscription sub_noslot
-- hazard not_transactional: Runs outside the plan's transaction because ALTER SUBSCRIPTION steps run in order with its refresh, which cannot run in a transaction block; if it fails, the steps before it stay applied.
-- renovate:no-transaction
ALTER SUBSCRIPTION sub_noslot SET PUBLICATION orders_pub, items_pub WITH (refresh = false);

-- step 4: drop subscription sub_off
-- hazard replication: Dropping subscription sub_off stops replication; it has no replication slot (slot_name = NONE), so nothing is dropped on the publisher.
-- hazard not_transactional: Runs outside the plan's transaction because DROP SUBSCRIPTION that drops a replication slot cannot run in a transaction block; if it fails, the steps before it stay applied.
-- renovate:no-transaction
DROP SUBSCRIPTION sub_off;

-- step 5: create subscription sub_off
-- hazard replication: Creating subscription sub_off does not connect to the publisher (connect = false): it starts disabled, creates no replication slot and copies no rows; before it is enabled, its slot must exist on the publisher, and a refresh copies the rows.
-- hazard not_transactional: Runs outside the plan's transaction because CREATE SUBSCRIPTION that creates a replication slot cannot run in a transaction block; if it fails, the steps before it stay applied.
-- renovate:no-transaction
CREATE SUBSCRIPTION sub_off
    CONNECTION 'host=publisher.invalid dbname=shop'
    PUBLICATION orders_pub
    WITH (connect = false, slot_name = NONE);

-- step 6: alter subscription sub_slot
-- hazard not_transactional: Runs outside the plan's transaction because ALTER SUBSCRIPTION steps run in order with its refresh, which cannot run in a transaction block; if it fails, the steps before it stay applied.
-- renovate:no-transaction
ALTER SUBSCRIPTION sub_slot SET (two_phase = true);
