CREATE SUBSCRIPTION sub_plain CONNECTION 'host=publisher.invalid dbname=shop' PUBLICATION shop_pub, extra_pub WITH (connect = false);
COMMENT ON SUBSCRIPTION sub_plain IS 'the shop, unstated streaming';
CREATE SUBSCRIPTION sub_added CONNECTION 'host=publisher.invalid dbname=crm' PUBLICATION crm_pub WITH (connect = false);
