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
    for e in ctx.catalog.extensions:
        if e.default_version and e.version != e.default_version:
            yield RULE.finding(
                f"extension {e.name} is at version {e.version}; the server's default is {e.default_version}",
                f"alter extension {e.name} update;", object=f"extension {e.name}", match=((e.name,),),
            )
