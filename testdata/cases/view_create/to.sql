CREATE TABLE orders (
    id bigint PRIMARY KEY,
    customer text NOT NULL,
    total numeric(10,2) NOT NULL,
    status text NOT NULL DEFAULT 'new'
);

-- Written the way people write views: unqualified, implicit casts, no
-- column qualification; PostgreSQL stores something else entirely.
create view open_orders as
  select id, customer, total from orders where status != 'paid' and total > 0;

create view customer_totals as
  select customer, sum(total) as total, count(*) as n
  from orders
  group by customer
  having count(*) > 1
  order by customer;

COMMENT ON VIEW open_orders IS 'Orders not paid yet';
COMMENT ON COLUMN customer_totals.n IS 'number of orders';
