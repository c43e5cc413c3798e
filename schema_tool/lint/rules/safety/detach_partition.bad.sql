alter table app.t detach partition app.t_2025;
