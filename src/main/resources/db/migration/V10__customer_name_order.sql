-- The customer list sorted by name pages by keyset on (name, id).
CREATE INDEX customer_name_ix ON customer (name, id);
