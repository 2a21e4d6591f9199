-- A subscription whose file leaves streaming unstated takes the server's
-- default: off before PostgreSQL 18, parallel from 18 on. Only its comment
-- and publications change; streaming must not be planned on any release.
CREATE SUBSCRIPTION sub_plain CONNECTION 'host=publisher.invalid dbname=shop' PUBLICATION shop_pub WITH (connect = false);
