CREATE TABLE items (
    id integer PRIMARY KEY,
    label text NOT NULL,
    price numeric NOT NULL
);

-- Columns reordered and one renamed: CREATE OR REPLACE cannot do that.
CREATE VIEW item_labels AS SELECT label AS name, id FROM items;

CREATE VIEW item_label_lengths AS SELECT id, length(name) AS len FROM item_labels;
CREATE VIEW long_labels AS SELECT id FROM item_label_lengths WHERE len > 10;

CREATE VIEW cheap_items AS SELECT id FROM items WHERE price < 10;

COMMENT ON VIEW item_label_lengths IS 'restored after the rebuild';
COMMENT ON COLUMN item_label_lengths.len IS 'characters';
