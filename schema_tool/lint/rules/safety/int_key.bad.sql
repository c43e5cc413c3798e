create table app.u (id integer primary key, score integer);
