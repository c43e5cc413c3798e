create extension pg_trgm with schema extensions version '1.5';
