drop database app_db;
