create foreign data wrapper lint_fdw;
create server lint_remote foreign data wrapper lint_fdw;
create foreign table app.remote_notes (id bigint) server lint_remote;
grant select on app.remote_notes to authenticated;
