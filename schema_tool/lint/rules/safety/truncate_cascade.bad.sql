truncate app.t cascade;
