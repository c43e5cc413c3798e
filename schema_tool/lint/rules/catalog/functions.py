"""Shared by the function rules: every function of a project schema, read once."""

from ... import catalog as c


def functions(ctx) -> list[tuple]:
    """(schema, name, signature, proconfig, security definer, in an exposed
    schema, anon can execute, authenticated can execute) per function."""
    if not hasattr(ctx, "_functions"):
        ctx._functions = ctx.rows(
            f"""
            select n.nspname, p.proname, p.oid::regprocedure::text, p.proconfig, p.prosecdef,
                   n.nspname = any(%(exposed)s),
                   pg_catalog.has_function_privilege('anon', p.oid, 'execute'),
                   pg_catalog.has_function_privilege('authenticated', p.oid, 'execute')
            from pg_catalog.pg_proc as p
            join pg_catalog.pg_namespace as n on n.oid = p.pronamespace
            where {c.user_schema()} and {c.NOT_EXTENSION_MEMBER.format(oid='p.oid')}
            order by 1, 2, 3
            """
        )
    return ctx._functions


def fixed_search_path(config) -> bool:
    return any(s.startswith("search_path=") for s in (config or ()))
