CREATE SEQUENCE invoice_numbers AS integer START WITH 1000 INCREMENT BY 1 MAXVALUE 999999 CACHE 10;
CREATE SEQUENCE countdown INCREMENT BY -1;
CREATE TABLE invoices (no integer NOT NULL DEFAULT nextval('invoice_numbers'), note text);
COMMENT ON SEQUENCE invoice_numbers IS 'legal numbering';
