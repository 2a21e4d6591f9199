SELECT array_agg(id ORDER BY prio) = '{2,3,1}' FROM tasks;
