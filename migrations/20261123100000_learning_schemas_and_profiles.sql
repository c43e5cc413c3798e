-- learning (AI Learning Assistant), phase 1a: schemas, the updated_at helper
-- and the profile table. profiles is created first and kept stable: other
-- modules (playground) read learning.profiles.

create schema if not exists learning;
comment on schema learning is
'AI Learning Assistant: courses, lessons, assessments, progress, AI chat, gamification and notifications (exposed through the API).';

create schema if not exists learning_private;
comment on schema learning_private is
'Private helpers of the learning module: trigger functions and SECURITY DEFINER functions. Not exposed through the API.';

revoke all on schema learning_private from public;
grant usage on schema learning to anon, authenticated, service_role;
grant usage on schema learning_private to service_role;

create function learning_private.set_updated_at()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
    new.updated_at := now();
    return new;
end
$$;

comment on function learning_private.set_updated_at() is
'Trigger function: sets updated_at to now() on every update.';

revoke execute on function learning_private.set_updated_at() from public, anon, authenticated;

create table learning.profiles (
    id uuid not null,
    email text,
    full_name text,
    avatar_url text,
    bio text,
    learning_goals text[] not null default '{}',
    preferred_language text not null default 'en',
    timezone text not null default 'UTC',
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint profiles_pkey primary key (id),
    constraint profiles_id_fkey foreign key (id)
        references auth.users (id) on delete cascade,
    constraint profiles_full_name_check check (full_name is null or length(full_name) <= 200),
    constraint profiles_bio_check check (bio is null or length(bio) <= 5000),
    constraint profiles_learning_goals_check check (array_position(learning_goals, null) is null),
    constraint profiles_preferred_language_check check (preferred_language ~ '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$'),
    constraint profiles_timezone_check check (length(timezone) between 1 and 64)
);

comment on table learning.profiles is
'One profile per auth user (1:1 with auth.users, created by the signup trigger learning_on_auth_user_created). Read by other modules (playground) for recommendations.';
comment on column learning.profiles.id is 'The auth user this profile belongs to (auth.users.id); deleting the auth user deletes the profile and, by cascade, the user''s learning data.';
comment on column learning.profiles.email is 'Copy of auth.users.email, kept in sync by triggers on auth.users; not editable by the user through the API. No format check on purpose: Supabase Auth validates emails, and a stricter check here could only make signups fail.';
comment on column learning.profiles.full_name is 'Display name (taken from user_metadata.full_name at signup when present).';
comment on column learning.profiles.avatar_url is 'Profile picture URL.';
comment on column learning.profiles.bio is 'Free-text biography (at most 5000 characters).';
comment on column learning.profiles.learning_goals is 'Learning objectives, in the order the user lists them; never contains nulls.';
comment on column learning.profiles.preferred_language is 'Preferred language as a BCP 47 tag (e.g. en, pt-BR); defaults to en.';
comment on column learning.profiles.timezone is 'IANA time zone name (e.g. Europe/Paris), validated on write; used to turn activity timestamps into streak days.';
comment on column learning.profiles.created_at is 'When the profile was created.';
comment on column learning.profiles.updated_at is 'When the profile was last changed (maintained by trigger).';

create trigger set_updated_at
before update on learning.profiles
for each row execute function learning_private.set_updated_at();

create function learning_private.validate_profile()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
    begin
        perform pg_catalog.now() at time zone new.timezone;
    exception
        when invalid_parameter_value then
            raise exception 'unknown time zone: %', new.timezone
                using errcode = '22023', hint = 'Use an IANA time zone name such as Europe/Paris or UTC.';
    end;
    return new;
end
$$;

comment on function learning_private.validate_profile() is
'Trigger function: rejects a profile whose timezone Postgres does not recognise (errcode 22023).';
revoke execute on function learning_private.validate_profile() from public, anon, authenticated;

create trigger validate_profile
before insert or update of timezone on learning.profiles
for each row execute function learning_private.validate_profile();

alter table learning.profiles enable row level security;

create policy "profiles: owner can select"
on learning.profiles
for select
to authenticated
using (id = (select auth.uid()));

create policy "profiles: owner can update"
on learning.profiles
for update
to authenticated
using (id = (select auth.uid()))
with check (id = (select auth.uid()));

-- Profiles are created by the signup trigger and removed with the auth user:
-- users only read and edit their own, and never their id or email.
grant select on learning.profiles to authenticated;
grant update (full_name, avatar_url, bio, learning_goals, preferred_language, timezone)
    on learning.profiles to authenticated;
grant all on learning.profiles to service_role;
