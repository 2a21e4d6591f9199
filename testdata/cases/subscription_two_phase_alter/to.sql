CREATE SUBSCRIPTION sub_slot CONNECTION 'host=publisher.invalid dbname=shop' PUBLICATION orders_pub WITH (connect = false, two_phase = true);
CREATE SUBSCRIPTION sub_noslot CONNECTION 'host=publisher.invalid dbname=shop' PUBLICATION orders_pub, items_pub WITH (connect = false, slot_name = NONE, two_phase = true, binary = true);
CREATE SUBSCRIPTION sub_off CONNECTION 'host=publisher.invalid dbname=shop' PUBLICATION orders_pub WITH (connect = false, slot_name = NONE);
