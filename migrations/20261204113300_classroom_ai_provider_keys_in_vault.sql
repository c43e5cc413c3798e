-- classroom: encrypted sensitive fields (the seed's "encrypted sensitive
-- fields"): a tenant's AI provider API keys go to Supabase Vault, one secret
-- per tenant and provider (classroom:<tenant_id>:<provider>). A tenant admin
-- stores or removes a key and sees which providers have one, never the key;
-- only the service role reads it (classroom_private.ai_provider_key). Without
-- Vault (plain Postgres, schema-tool's throwaway engines) the functions raise
-- 0A000 after checking the caller: the feature is off, no key is kept in clear.

-- it locks existing tables: fail fast rather than queue behind a long transaction
set local lock_timeout = '5s';
set local statement_timeout = '1min';

create table classroom_private.ai_provider_keys (
    tenant_id uuid not null,
    provider classroom.ai_provider not null,
    secret_id uuid not null,
    updated_by_id uuid,
    updated_at timestamptz not null default now(),
    constraint ai_provider_keys_pkey primary key (tenant_id, provider),
    constraint ai_provider_keys_tenant_id_fkey foreign key (tenant_id) references classroom.tenants (id) on delete cascade
);

comment on table classroom_private.ai_provider_keys is
'Which Vault secret holds the API key of each tenant''s AI provider (the key itself is only in vault.secrets, encrypted). Private: read and written only by the checked functions. Deleting a tenant deletes these rows; classroom_private.delete_tenant_ai_keys removes the Vault secrets with them.';
comment on column classroom_private.ai_provider_keys.tenant_id is 'Tenant.';
comment on column classroom_private.ai_provider_keys.provider is 'AI provider.';
comment on column classroom_private.ai_provider_keys.secret_id is 'vault.secrets id of the key.';
comment on column classroom_private.ai_provider_keys.updated_by_id is 'Admin who last set it (auth.uid()); null for the service role.';
comment on column classroom_private.ai_provider_keys.updated_at is 'When it was last set.';

alter table classroom_private.ai_provider_keys enable row level security;
revoke all on table classroom_private.ai_provider_keys from public, anon, authenticated;

create function classroom_private.vault_is_installed()
returns boolean
language sql
stable
set search_path = ''
as $$
    select pg_catalog.to_regclass('vault.decrypted_secrets') is not null
        and pg_catalog.to_regclass('vault.secrets') is not null;
$$;

comment on function classroom_private.vault_is_installed() is
'True when Supabase Vault (vault.secrets, vault.decrypted_secrets) exists in this database.';

-- the caller may manage the keys of p_tenant_id: the service role, or an ADMIN of that tenant
create function classroom_private.assert_can_manage_ai_keys(p_tenant_id uuid)
returns void
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
    v_role text := coalesce((select auth.role()), '');
begin
    if v_role = 'service_role'
        or (v_role = '' and pg_catalog.pg_has_role(session_user, 'service_role', 'member')) then
        return;
    end if;
    if p_tenant_id is null
        or p_tenant_id is distinct from (select classroom_private.current_tenant_id())
        or (select classroom_private.current_user_role()) is distinct from 'ADMIN' then
        raise exception 'classroom: only an admin of the tenant manages its AI provider keys' using errcode = '42501';
    end if;
end
$$;

comment on function classroom_private.assert_can_manage_ai_keys(uuid) is
'Raises 42501 unless the caller is the service role or an active ADMIN of p_tenant_id.';

-- schema-tool: allow plpgsql-error vault exists only on Supabase (Supabase Vault); the throwaway databases have none, and without it the function raises 0A000 before reaching these statements
create function classroom_private.store_ai_provider_key(p_tenant_id uuid, p_provider classroom.ai_provider, p_api_key text)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
    v_secret_id uuid;
    v_name text;
begin
    perform classroom_private.assert_can_manage_ai_keys(p_tenant_id);
    if p_provider is null or p_api_key is null or length(btrim(p_api_key)) = 0 or length(p_api_key) > 4096 then
        raise exception 'classroom: a provider and a key of 1 to 4096 characters are required' using errcode = '22023';
    end if;
    if not classroom_private.vault_is_installed() then
        raise exception 'classroom: Supabase Vault is not installed, so AI provider keys cannot be stored in the database'
            using errcode = '0A000',
                  hint = 'Enable the supabase_vault extension, or keep the keys in the server environment.';
    end if;
    v_name := format('classroom:%s:%s', p_tenant_id, p_provider);
    select k.secret_id into v_secret_id
    from classroom_private.ai_provider_keys as k
    where k.tenant_id = p_tenant_id and k.provider = p_provider
    for update;
    if v_secret_id is null then
        execute 'select vault.create_secret($1, $2, $3)'
        into v_secret_id
        using p_api_key, v_name, format('API key of AI provider %s for classroom tenant %s', p_provider, p_tenant_id);
        insert into classroom_private.ai_provider_keys (tenant_id, provider, secret_id, updated_by_id)
        values (p_tenant_id, p_provider, v_secret_id, (select auth.uid()));
    else
        execute 'select vault.update_secret($1, $2)' using v_secret_id, p_api_key;
        update classroom_private.ai_provider_keys as k
        set updated_by_id = (select auth.uid()), updated_at = now()
        where k.tenant_id = p_tenant_id and k.provider = p_provider;
    end if;
    perform classroom_private.log_security_event(p_tenant_id, 'ai_key_set', null, jsonb_build_object('provider', p_provider));
end
$$;

comment on function classroom_private.store_ai_provider_key(uuid, classroom.ai_provider, text) is
'Stores (or replaces) the API key of a tenant''s AI provider in Supabase Vault and records an ai_key_set event (never the key). Caller: the service role or an ADMIN of the tenant (42501). Key: 1-4096 characters (22023). Without Vault: 0A000, nothing stored.';

-- schema-tool: allow plpgsql-error vault exists only on Supabase (Supabase Vault); the throwaway databases have none, and without it the function raises 0A000 before reaching these statements
create function classroom_private.remove_ai_provider_key(p_tenant_id uuid, p_provider classroom.ai_provider)
returns boolean
language plpgsql
security definer
set search_path = ''
as $$
declare
    v_secret_id uuid;
begin
    perform classroom_private.assert_can_manage_ai_keys(p_tenant_id);
    delete from classroom_private.ai_provider_keys as k
    where k.tenant_id = p_tenant_id and k.provider = p_provider
    returning k.secret_id into v_secret_id;
    if v_secret_id is null then
        return false;
    end if;
    if classroom_private.vault_is_installed() then
        execute 'delete from vault.secrets where id = $1' using v_secret_id;
    end if;
    perform classroom_private.log_security_event(p_tenant_id, 'ai_key_deleted', null, jsonb_build_object('provider', p_provider));
    return true;
end
$$;

comment on function classroom_private.remove_ai_provider_key(uuid, classroom.ai_provider) is
'Deletes the Vault secret holding a tenant''s provider key and records ai_key_deleted; false when there was none. Caller: the service role or an ADMIN of the tenant (42501).';

-- schema-tool: allow plpgsql-error vault exists only on Supabase (Supabase Vault); the throwaway databases have none, and without it the function raises 0A000 before reaching these statements
create function classroom_private.ai_provider_key(p_tenant_id uuid, p_provider classroom.ai_provider)
returns text
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
    v_role text := coalesce((select auth.role()), '');
    v_key text;
begin
    if not (v_role = 'service_role'
            or (v_role = '' and pg_catalog.pg_has_role(session_user, 'service_role', 'member'))) then
        raise exception 'classroom: AI provider keys are readable by the service role only' using errcode = '42501';
    end if;
    if not classroom_private.vault_is_installed() then
        raise exception 'classroom: Supabase Vault is not installed, so no AI provider key is stored in the database'
            using errcode = '0A000',
                  hint = 'Read the key from the server environment.';
    end if;
    execute 'select d.decrypted_secret from vault.decrypted_secrets as d
             join classroom_private.ai_provider_keys as k on k.secret_id = d.id
             where k.tenant_id = $1 and k.provider = $2'
    into v_key
    using p_tenant_id, p_provider;
    return v_key;
end
$$;

comment on function classroom_private.ai_provider_key(uuid, classroom.ai_provider) is
'The API key of a tenant''s AI provider, decrypted from Supabase Vault, or null when none is set: for the backend that calls the provider. Service role only (the service_role key, or a database session of a service_role member): 42501 for anyone else, including the tenant''s admins. Without Vault: 0A000.';

create function classroom_private.tenant_ai_key_status(p_tenant_id uuid)
returns table (provider classroom.ai_provider, updated_at timestamptz)
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
    perform classroom_private.assert_can_manage_ai_keys(p_tenant_id);
    return query
        select k.provider, k.updated_at
        from classroom_private.ai_provider_keys as k
        where k.tenant_id = p_tenant_id
        order by k.provider;
end
$$;

comment on function classroom_private.tenant_ai_key_status(uuid) is
'Which providers of the tenant have a key in Vault, and since when (never the key). Caller: the service role or an ADMIN of the tenant (42501).';

revoke execute on function classroom_private.vault_is_installed() from public, anon;
revoke execute on function classroom_private.assert_can_manage_ai_keys(uuid) from public, anon;
revoke execute on function classroom_private.store_ai_provider_key(uuid, classroom.ai_provider, text) from public, anon;
revoke execute on function classroom_private.remove_ai_provider_key(uuid, classroom.ai_provider) from public, anon;
revoke execute on function classroom_private.ai_provider_key(uuid, classroom.ai_provider) from public, anon, authenticated;
revoke execute on function classroom_private.tenant_ai_key_status(uuid) from public, anon;
grant execute on function classroom_private.vault_is_installed() to authenticated, service_role;
grant execute on function classroom_private.assert_can_manage_ai_keys(uuid) to authenticated, service_role;
grant execute on function classroom_private.store_ai_provider_key(uuid, classroom.ai_provider, text) to authenticated, service_role;
grant execute on function classroom_private.remove_ai_provider_key(uuid, classroom.ai_provider) to authenticated, service_role;
grant execute on function classroom_private.ai_provider_key(uuid, classroom.ai_provider) to service_role;
grant execute on function classroom_private.tenant_ai_key_status(uuid) to authenticated, service_role;

-- the API: an admin acts for their own tenant

create function classroom.set_ai_provider_key(p_provider classroom.ai_provider, p_api_key text)
returns void
language sql
volatile
set search_path = ''
as $$
    select classroom_private.store_ai_provider_key((select classroom_private.current_tenant_id()), p_provider, p_api_key);
$$;

comment on function classroom.set_ai_provider_key(classroom.ai_provider, text) is
'Encrypted sensitive fields (seed): a tenant ADMIN stores the API key of an AI provider for their tenant in Supabase Vault (replacing the previous one). Write-only: no API call returns a key. 42501 for non-admins, 22023 for an empty or over-long key (4096), 0A000 where Vault is not installed. SECURITY INVOKER.';

create function classroom.delete_ai_provider_key(p_provider classroom.ai_provider)
returns boolean
language sql
volatile
set search_path = ''
as $$
    select classroom_private.remove_ai_provider_key((select classroom_private.current_tenant_id()), p_provider);
$$;

comment on function classroom.delete_ai_provider_key(classroom.ai_provider) is
'A tenant ADMIN deletes the stored key of an AI provider (true when there was one). 42501 for non-admins. SECURITY INVOKER.';

create function classroom.ai_provider_key_status()
returns table (provider classroom.ai_provider, updated_at timestamptz)
language sql
stable
set search_path = ''
as $$
    select s.provider, s.updated_at
    from classroom_private.tenant_ai_key_status((select classroom_private.current_tenant_id())) as s;
$$;

comment on function classroom.ai_provider_key_status() is
'For a tenant ADMIN: which AI providers of their tenant have a key stored in Vault, and when it was set; never the key. Empty where Vault is not installed (nothing can be stored). 42501 for non-admins. SECURITY INVOKER.';

revoke execute on function classroom.set_ai_provider_key(classroom.ai_provider, text) from public, anon;
revoke execute on function classroom.delete_ai_provider_key(classroom.ai_provider) from public, anon;
revoke execute on function classroom.ai_provider_key_status() from public, anon;
grant execute on function classroom.set_ai_provider_key(classroom.ai_provider, text) to authenticated;
grant execute on function classroom.delete_ai_provider_key(classroom.ai_provider) to authenticated;
grant execute on function classroom.ai_provider_key_status() to authenticated;

-- A deleted tenant's keys leave Vault too (its ai_provider_keys rows go by cascade).
-- schema-tool: allow plpgsql-error vault exists only on Supabase (Supabase Vault); the throwaway databases have none, and without it the function raises 0A000 before reaching these statements
create function classroom_private.delete_tenant_ai_keys()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
    if classroom_private.vault_is_installed() then
        execute 'delete from vault.secrets where id in (select k.secret_id from classroom_private.ai_provider_keys as k where k.tenant_id = $1)'
        using old.id;
    end if;
    return old;
end
$$;

comment on function classroom_private.delete_tenant_ai_keys() is
'Trigger (before delete on classroom.tenants): deletes the tenant''s AI provider keys from Vault before its ai_provider_keys rows go by cascade.';
revoke execute on function classroom_private.delete_tenant_ai_keys() from public, anon, authenticated;

create trigger delete_tenant_ai_keys
before delete on classroom.tenants
for each row execute function classroom_private.delete_tenant_ai_keys();

comment on table classroom.ai_configurations is
'AI provider settings per tenant; at most one active configuration per provider and tenant (partial unique index). API keys are never stored here (parameters refuse api_key/apiKey/secret): a tenant admin stores them encrypted in Supabase Vault with classroom.set_ai_provider_key, and only the service role reads them back (classroom_private.ai_provider_key).';
