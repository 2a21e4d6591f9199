-- xml2 is not relocatable (relocatable = false in its control file):
-- ALTER EXTENSION ... SET SCHEMA is refused, so moving it means dropping
-- it and creating it again in the new schema (a hazard: its objects and
-- whatever depends on them go with it).
CREATE SCHEMA other;
CREATE EXTENSION xml2 SCHEMA other;
