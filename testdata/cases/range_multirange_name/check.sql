SELECT taken = '[1,5)'::intr FROM slots WHERE id = 1;
