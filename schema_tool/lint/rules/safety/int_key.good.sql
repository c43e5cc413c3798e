create table app.u (id bigint generated always as identity primary key, score integer);
