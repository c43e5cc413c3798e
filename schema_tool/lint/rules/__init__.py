"""The lint rules: one module per rule, grouped by layer (allow/, style/,
catalog/, safety/). A rule module holds everything about its rule:

- `RULE = rule(id, layer, level, title, doc=__doc__, squawk=..., splinter=...)`:
  the module docstring is the rule's page in docs/lint-rules.md, squawk and
  splinter name the rules of those tools it covers;
- `check(ctx)`, yielding findings (its layer decides what `ctx` is: a
  migration file for safety, a `lint.catalog.Context` for catalog: the typed
  catalog of schema_tool.catalog);
- next to it, `<module>.bad.sql` (a planted problem it must report) and
  `<module>.good.sql` (the fixed form it must pass), run by tests/.

`load()` imports them all, once, and attaches each module's check to its rule.
"""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path

from ..findings import RULES, Rule

HERE = Path(__file__).resolve().parent
_loaded = False


def load() -> dict[str, Rule]:
    global _loaded
    if not _loaded:
        for info in sorted(pkgutil.walk_packages(__path__, __name__ + "."), key=lambda i: i.name):
            if info.ispkg:
                continue
            module = importlib.import_module(info.name)
            r = getattr(module, "RULE", None)
            if isinstance(r, Rule):
                r.check = getattr(module, "check", None)
                r.module = info.name
        _loaded = True
    return RULES


def of_layer(layer: str) -> list[Rule]:
    load()
    return [r for r in RULES.values() if r.layer == layer and r.module]


def fixture(r: Rule, kind: str) -> Path:
    """The rule's planted-problem (`bad`) or fixed (`good`) fixture."""
    layer, name = r.module.split(".")[-2:]
    return HERE / layer / f"{name}.{kind}.sql"
