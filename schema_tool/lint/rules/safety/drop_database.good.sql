drop schema if exists app_old;
