truncate app.t;
