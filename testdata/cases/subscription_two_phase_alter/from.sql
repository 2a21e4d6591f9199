-- PostgreSQL 18 changes two_phase of a disabled subscription in place
-- (ALTER SUBSCRIPTION ... SET (two_phase = ...)). These subscriptions do
-- not connect (connect = false leaves them disabled, without a slot).
CREATE SUBSCRIPTION sub_slot CONNECTION 'host=publisher.invalid dbname=shop' PUBLICATION orders_pub WITH (connect = false);
CREATE SUBSCRIPTION sub_noslot CONNECTION 'host=publisher.invalid dbname=shop' PUBLICATION orders_pub WITH (connect = false, slot_name = NONE);
-- Turning two_phase off alters the slot on the publisher, so a
-- subscription without a slot is recreated.
CREATE SUBSCRIPTION sub_off CONNECTION 'host=publisher.invalid dbname=shop' PUBLICATION orders_pub WITH (connect = false, slot_name = NONE, two_phase = true);
