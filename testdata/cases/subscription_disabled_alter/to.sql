CREATE SUBSCRIPTION sub_orders CONNECTION 'host=publisher2.invalid dbname=shop user=replicator' PUBLICATION orders_pub, items_pub WITH (connect = false, binary = true, streaming = on);
CREATE SUBSCRIPTION sub_new CONNECTION 'host=publisher.invalid dbname=crm' PUBLICATION crm_pub WITH (connect = false, synchronous_commit = 'remote_apply', streaming = on);
COMMENT ON SUBSCRIPTION sub_orders IS 'orders and items from the shop';
