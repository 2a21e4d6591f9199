CREATE TABLE unrelated (a integer);
