"""Two catalogs, flattened into named objects and compared one by one.

Every object kind the diff reports has a key (kind, name) and a one-line (or
one-body) definition text; two objects with the same key and the same text are
the same. `obj` keeps the catalog model behind each item, for the SQL draft.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..catalog import Catalog, Function, Grant, Table

KINDS = ("schema", "type", "table", "column", "constraint", "index", "function", "view", "policy", "trigger",
         "rls", "grant", "comment")


@dataclass(frozen=True)
class Item:
    kind: str
    name: str  # schema.table[.part], schema.function(args), ...
    text: str
    obj: object = field(compare=False, repr=False)
    table: Table | None = field(default=None, compare=False, repr=False)


@dataclass
class Difference:
    kind: str
    name: str
    change: str  # only in database | only in files | differs
    files: str | None
    database: str | None
    file_item: Item | None = field(default=None, repr=False)
    db_item: Item | None = field(default=None, repr=False)

    def as_dict(self) -> dict:
        return {"kind": self.kind, "object": self.name, "change": self.change,
                "files": self.files, "database": self.database}


def grants_text(grants: tuple[Grant, ...], owner: str = "") -> str:
    """The grants as text, less the owner's own: ownership implies them, and owners
    differ between a scratch database and production (owners are not compared)."""
    by_role: dict[str, list[str]] = {}
    for g in grants:
        if g.role == owner:
            continue
        by_role.setdefault(g.role, []).append(g.privilege + (" with grant option" if g.grantable else ""))
    return "; ".join(f"{role}: {', '.join(sorted(p))}" for role, p in sorted(by_role.items()))


def column_text(c) -> str:
    parts = [c.type]
    if c.generated:
        parts.append(f"generated always as ({c.default}) stored")
    elif c.default:
        parts.append(f"default {c.default}")
    if c.identity:
        parts.append("generated " + ("always" if c.identity == "a" else "by default") + " as identity")
    if c.not_null:
        parts.append("not null")
    return " ".join(parts)


def policy_text(p) -> str:
    parts = [f"as {'permissive' if p.permissive else 'restrictive'}", f"for {p.command}", f"to {', '.join(p.roles)}"]
    if p.using is not None:
        parts.append(f"using ({p.using})")
    if p.check is not None:
        parts.append(f"with check ({p.check})")
    return " ".join(parts)


def function_text(f: Function) -> str:
    head = [f"{f.kind} returns {f.returns}" + (" (set)" if f.returns_set else ""), f"language {f.language}",
            f.volatility]
    if f.security_definer:
        head.append("security definer")
    if f.strict:
        head.append("strict")
    head += [f"set {c}" for c in f.config]
    return " ".join(head) + "\n" + f.body.strip()


def flatten(catalog: Catalog) -> dict[tuple[str, str], Item]:
    items: dict[tuple[str, str], Item] = {}

    def add(kind, name, text, obj, table=None):
        items[(kind, name)] = Item(kind, name, text, obj, table)

    for s in catalog.schemas:
        add("schema", s.name, f"schema {s.name}", s)
        if s.name == "public":
            # The platform makes public and sets its grants and comment (Supabase's
            # differ from a plain Postgres's); what is inside it is compared.
            continue
        add("grant", f"schema {s.name}", grants_text(s.grants, s.owner), s)
        if s.comment is not None:
            add("comment", f"schema {s.name}", s.comment, s)
    for t in catalog.types:
        name = f"{t.schema}.{t.name}"
        text = {"e": f"enum ({', '.join(t.labels)})", "d": f"domain {t.base} {' '.join(t.checks)}".strip(),
                "c": f"composite ({', '.join(f'{a} {b}' for a, b in t.attributes)})"}.get(t.kind, t.kind)
        add("type", name, text, t)
        if t.comment is not None:
            add("comment", f"type {name}", t.comment, t)
    for t in catalog.tables:
        name = f"{t.schema}.{t.name}"
        if t.is_view:
            opts = " with (security_invoker = true)" if t.security_invoker else ""
            add("view", name, ("materialized view" if t.kind == "m" else "view") + opts + "\n" + (t.definition or ""),
                t, t)
        else:
            add("table", name, "partitioned by " + t.partition_key if t.partition_key else "table", t, t)
            for c in t.columns:
                add("column", f"{name}.{c.name}", column_text(c), c, t)
            for k in t.constraints:
                add("constraint", f"{name}.{k.name}", k.definition, k, t)
            add("rls", name, ("enabled" if t.rls else "disabled") + (", forced" if t.rls_forced else ""), t, t)
        for c in t.columns:
            if c.comment is not None:
                add("comment", f"column {name}.{c.name}", c.comment, c, t)
            if c.grants:
                add("grant", f"column {name}.{c.name}", grants_text(c.grants, t.owner), c, t)
        for i in t.indexes:
            if not i.constraint_kind:
                add("index", f"{name}.{i.name}", i.definition, i, t)
        for p in t.policies:
            add("policy", f"{name}.{p.name}", policy_text(p), p, t)
        for g in t.triggers:
            add("trigger", f"{name}.{g.name}", g.definition + ("" if g.enabled == "O" else f" [enabled={g.enabled}]"),
                g, t)
        add("grant", f"{'view' if t.is_view else 'table'} {name}", grants_text(t.grants, t.owner), t, t)
        if t.comment is not None:
            add("comment", f"{'view' if t.is_view else 'table'} {name}", t.comment, t, t)
    for f in catalog.functions:
        name = f"{f.schema}.{f.name}({f.identity_arguments})"
        add("function", name, function_text(f), f)
        add("grant", f"function {name}", grants_text(f.grants, f.owner), f)
        if f.comment is not None:
            add("comment", f"function {name}", f.comment, f)
    return items


def compare(files: Catalog, database: Catalog) -> list[Difference]:
    """Every object that is not the same in both, in a stable order."""
    a, b = flatten(files), flatten(database)
    out = []
    for key in sorted(set(a) | set(b), key=lambda k: (KINDS.index(k[0]), k[1])):
        x, y = a.get(key), b.get(key)
        if x is not None and y is not None and x.text == y.text:
            continue
        change = "differs" if x and y else ("only in files" if x else "only in database")
        out.append(Difference(key[0], key[1], change, x.text if x else None, y.text if y else None, x, y))
    return out
