-- bench: helpers and the auth users every module shares.
-- Run by bench/scale.py with psql -v scale=<SCALE>, as the database owner,
-- with session_replication_role = replica (no triggers, no FK triggers):
-- every generator builds consistent rows itself.
--
-- Skew: a user index is 1 + floor(n * u^3) for u uniform in [0, 1), so the
-- lowest indexes are the heavy users: user 1 gets ~2% of all rows, the top
-- 0.1% of users ~10%, the median user a few dozen rows per big table.
-- Everything is deterministic (md5-based hashes, setseed) so two runs at the
-- same SCALE generate the same data.

create schema if not exists bench;

-- uniform [0, 1) from (i, salt), deterministic
create or replace function bench.h(i bigint, salt text)
returns double precision
language sql immutable parallel safe
as $$ select ('x' || substr(md5(salt || ':' || i::text), 1, 13))::bit(52)::bigint / 4503599627370496.0 $$;

-- skewed index in 1..n: heavy head, long light tail
create or replace function bench.skew(u double precision, n integer)
returns integer
language sql immutable parallel safe
as $$ select 1 + least(n - 1, floor(n * u * u * u))::integer $$;

-- the auth user with index i
create or replace function bench.uid(i bigint)
returns uuid
language sql immutable parallel safe
as $$ select md5('bench-user-' || i::text)::uuid $$;

-- a random 1536-dimension vector (components in [-0.5, 0.5))
create or replace function bench.random_vector(seed bigint, salt text)
returns extensions.vector
language sql volatile parallel safe
as $$
    select array(
        select random()::real - 0.5::real
        from generate_series(1, 1536)
        where seed is not null and salt is not null
    )::extensions.vector(1536)
$$;


select setseed(0.4242);

insert into auth.users (id, instance_id, aud, role, email, email_confirmed_at,
                        raw_app_meta_data, raw_user_meta_data, created_at, updated_at, last_sign_in_at)
select bench.uid(i),
       '00000000-0000-0000-0000-000000000000',
       'authenticated',
       'authenticated',
       'user' || i || '@bench.example',
       now() - interval '400 days' * bench.h(i, 'signup'),
       '{"provider": "email", "providers": ["email"]}',
       jsonb_build_object('full_name', 'Bench User ' || i),
       now() - interval '400 days' * bench.h(i, 'signup'),
       now() - interval '400 days' * bench.h(i, 'signup'),
       now() - interval '30 days' * bench.h(i, 'signin')
from generate_series(1, :users) as i;
