CREATE TABLE items (
    id integer PRIMARY KEY,
    label text NOT NULL,
    price numeric NOT NULL
);

CREATE VIEW item_labels AS SELECT id, label FROM items;

-- Two levels of dependents: both must be dropped and recreated around
-- item_labels.
CREATE VIEW item_label_lengths AS SELECT id, length(label) AS len FROM item_labels;
CREATE VIEW long_labels AS SELECT id FROM item_label_lengths WHERE len > 10;

-- Reads items but not item_labels: untouched.
CREATE VIEW cheap_items AS SELECT id FROM items WHERE price < 10;

COMMENT ON VIEW item_label_lengths IS 'restored after the rebuild';
COMMENT ON COLUMN item_label_lengths.len IS 'characters';
