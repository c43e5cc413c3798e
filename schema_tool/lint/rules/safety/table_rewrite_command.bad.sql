vacuum full app.t;
cluster app.t using t_pkey;
