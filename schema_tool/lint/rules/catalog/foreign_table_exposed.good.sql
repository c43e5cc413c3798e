create foreign data wrapper lint_fdw;
create server lint_remote foreign data wrapper lint_fdw;
create foreign table app_private.remote_notes (id bigint) server lint_remote;
grant select on app_private.remote_notes to authenticated;
