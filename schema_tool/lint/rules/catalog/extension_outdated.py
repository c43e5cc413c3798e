"""- **What**: an installed extension whose version is not the server's
  default (recommended) version, e.g. a migration that pins `create extension
  vector version '0.5.0'` on a server that ships 0.8.0.
- **Why**: older extension versions miss fixes, security fixes among them;
  the database keeps the old SQL objects until someone runs `alter extension
  ... update`.
- **Fix**: create it without `version`, or `alter extension x update;` in a
  migration.
- **Example**: `create extension pg_trgm version '1.5' ...` on a server whose
  default is 1.6 fails; without `version` it passes."""

from ...findings import WARNING, rule

RULE = rule("extension-outdated", "catalog", WARNING, "extension older than the server's default version",
            doc=__doc__, splinter=("0022",))


def check(ctx):
    for name, installed, default in ctx.rows(
        """
        select e.name, e.installed_version, e.default_version
        from pg_catalog.pg_available_extensions as e
        where e.installed_version is not null and e.default_version is not null
          and e.installed_version <> e.default_version
          and exists (
              select 1 from pg_catalog.pg_available_extension_versions as v
              where v.name = e.name and v.installed
          )
        order by 1
        """
    ):
        yield RULE.finding(
            f"extension {name} is at version {installed}; the server's default is {default}",
            f"alter extension {name} update;", object=f"extension {name}", match=((name,),),
        )
