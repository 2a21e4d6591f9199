SELECT total = 3 FROM item;
