-- Subscriptions that do not connect (connect = false leaves them disabled,
-- without a slot): their publication lists and options change in place.
CREATE SUBSCRIPTION sub_orders CONNECTION 'host=publisher.invalid dbname=shop user=replicator' PUBLICATION orders_pub WITH (connect = false);
CREATE SUBSCRIPTION sub_gone CONNECTION 'host=publisher.invalid dbname=shop' PUBLICATION gone_pub WITH (connect = false, slot_name = NONE);
COMMENT ON SUBSCRIPTION sub_orders IS 'orders from the shop';
