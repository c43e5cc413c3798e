reindex index app.idx_t_a;
