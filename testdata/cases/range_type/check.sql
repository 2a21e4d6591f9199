SELECT count(*) = 2 AND bool_or(span = '[1.5,2.5)'::floatrange) AND bool_or(isempty(span)) FROM readings;
