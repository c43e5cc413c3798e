alter domain app.score add constraint score_range check (value between 0 and 100) not valid;
