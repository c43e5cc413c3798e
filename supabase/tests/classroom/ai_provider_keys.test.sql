-- classroom: AI provider keys in Supabase Vault — without Vault the store and read functions say so (0A000) after checking the caller and nothing is stored; with Vault (the real one, or a stand-in created here on engines without it) an admin stores and replaces their tenant's key write-only, only the service role reads it back, and nobody else manages it.
begin;
select plan(22);

select tests.classroom_admin_and_student('ak');

create function tests.ak_uid(p_name text) returns uuid language sql stable as $$ select tests.get_user_id(p_name || '@cls.test') $$;
grant execute on function tests.ak_uid(text) to authenticated, service_role;

-- Without Vault ------------------------------------------------------------------
-- (skipped where the database has Supabase Vault: the docker engine, a real project)
select tests.authenticate_as('admin-ak-a@cls.test');
select case when classroom_private.vault_is_installed() then skip('Supabase Vault is installed here', 1) else
    throws_ok($$select classroom.set_ai_provider_key('OPENAI', 'sk-test-0')$$, '0A000',
        'classroom: Supabase Vault is not installed, so AI provider keys cannot be stored in the database',
        'without Vault an admin storing a key gets 0A000, a clear message') end;
select is((select count(*)::int from classroom.ai_provider_key_status()), 0, 'without a stored key the status lists nothing');
select tests.authenticate_as('student-ak-a@cls.test');
select throws_ok($$select classroom.set_ai_provider_key('OPENAI', 'sk-test-0')$$, '42501', null, 'a student cannot store a key (the caller is checked first)');
select tests.authenticate_as_service_role();
select case when classroom_private.vault_is_installed() then skip('Supabase Vault is installed here', 1) else
    throws_ok(format($$select classroom_private.ai_provider_key(%L, 'OPENAI')$$, md5('ak:a:tenant')::uuid), '0A000', null,
        'without Vault the service role reading a key gets 0A000') end;
select tests.clear_authentication();
select is((select count(*)::int from classroom_private.ai_provider_keys), 0, 'nothing was stored');

-- A stand-in for Vault where it is absent (same names and signatures; no encryption)
do $$
begin
    if not classroom_private.vault_is_installed() then
        create schema vault;
        create table vault.secrets (
            id uuid primary key default gen_random_uuid(),
            name text unique,
            description text not null default '',
            secret text not null,
            created_at timestamptz not null default now(),
            updated_at timestamptz not null default now()
        );
        create view vault.decrypted_secrets as
        select s.id, s.name, s.description, s.secret, s.secret as decrypted_secret, s.created_at, s.updated_at
        from vault.secrets as s;
        create function vault.create_secret(new_secret text, new_name text default null, new_description text default '', new_key_id uuid default null)
        returns uuid language sql as $f$
            insert into vault.secrets (secret, name, description) values (new_secret, new_name, new_description) returning id
        $f$;
        create function vault.update_secret(secret_id uuid, new_secret text default null, new_name text default null, new_description text default null, new_key_id uuid default null)
        returns void language sql as $f$
            update vault.secrets set secret = coalesce(new_secret, secret), updated_at = now() where id = secret_id
        $f$;
    end if;
end
$$;
select ok(classroom_private.vault_is_installed(), 'Vault (or its stand-in) is there for the rest of the file');

-- With Vault ---------------------------------------------------------------------
select tests.authenticate_as('admin-ak-a@cls.test');
select lives_ok($$select classroom.set_ai_provider_key('OPENAI', 'sk-test-1')$$, 'an admin stores their tenant''s OpenAI key');
select results_eq($$select provider::text from classroom.ai_provider_key_status()$$, array['OPENAI'], 'the status shows a key is set, without the key');
select throws_ok($$select classroom.set_ai_provider_key('OPENAI', '  ')$$, '22023', null, 'an empty key is refused (22023)');
select throws_ok($$select classroom.set_ai_provider_key('OPENAI', repeat('k', 4097))$$, '22023', null, 'an over-long key is refused (22023)');
select throws_ok(format($$select classroom_private.ai_provider_key(%L, 'OPENAI')$$, md5('ak:a:tenant')::uuid), '42501', null,
    'the admin cannot read the key back');
select lives_ok($$select classroom.set_ai_provider_key('OPENAI', 'sk-test-2')$$, 'the admin replaces the key');

select tests.authenticate_as('admin-ak-b@cls.test');
select is((select count(*)::int from classroom.ai_provider_key_status()), 0, 'another tenant''s admin sees none of it');
select throws_ok(format($$select classroom_private.store_ai_provider_key(%L, 'OPENAI', 'sk-evil')$$, md5('ak:a:tenant')::uuid), '42501', null,
    'another tenant''s admin cannot overwrite it');
select tests.authenticate_as('student-ak-a@cls.test');
select throws_ok($$select * from classroom.ai_provider_key_status()$$, '42501', null, 'a student cannot list key status');
select throws_ok($$select * from classroom_private.ai_provider_keys$$, '42501', null, 'the key table is not readable by members');

select tests.authenticate_as_service_role();
select is((select classroom_private.ai_provider_key(md5('ak:a:tenant')::uuid, 'OPENAI')), 'sk-test-2', 'the service role reads the current key');
select is((select classroom_private.ai_provider_key(md5('ak:b:tenant')::uuid, 'OPENAI')), null, 'null for a tenant without a key');
select tests.clear_authentication();

select is((select count(*)::int from vault.secrets where name = format('classroom:%s:OPENAI', md5('ak:a:tenant')::uuid)), 1,
    'one Vault secret per tenant and provider, replaced in place');
select is((select count(*)::int from classroom.security_events where event_type = 'ai_key_set' and details::text !~ 'sk-test'), 2,
    'each store is a security event that never holds the key');

select tests.authenticate_as('admin-ak-a@cls.test');
select is((select classroom.delete_ai_provider_key('OPENAI')), true, 'the admin deletes the key');
select tests.clear_authentication();
select is((select count(*)::int from vault.secrets where name like format('classroom:%s:%%', md5('ak:a:tenant')::uuid)), 0, 'its Vault secret is gone');

select * from finish();
rollback;
