analyze app.t;
