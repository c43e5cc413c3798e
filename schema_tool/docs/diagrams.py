"""ER diagrams: Mermaid (in the pages and as .mmd files) and Graphviz sources for the SVGs.

A module whose tables come from several migrations gets an overview plus one
diagram per area; a foreign key to a hub table is a label on the column, not a line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..catalog import Constraint, Table
from .areas import qualified
from .markdown import MARK
from .model import Area, Module, foreign_keys, key_columns, unique_keys

MMD_HEADER = f"%% {MARK} from the migrations; do not edit: run `schema-tool docs`\n"


@dataclass
class Diagram:
    slug: str
    area: Area | None
    mermaid: str
    dot: str


MERMAID_TYPE = [
    ("timestamp with time zone", "timestamptz"),
    ("timestamp without time zone", "timestamp"),
    ("time with time zone", "timetz"),
    ("time without time zone", "time"),
    ("character varying", "varchar"),
    ("double precision", "float8"),
    ("bit varying", "varbit"),
    ("character", "char"),
]


def short_type(typ: str) -> str:
    for long, short in MERMAID_TYPE:
        typ = typ.replace(long, short)
    typ = re.sub(r"\b[\w]+\.", "", typ)  # drop schema qualification
    return typ


def mermaid_type(typ: str) -> str:
    typ = short_type(typ)
    typ = re.sub(r"\([^)]*,[^)]*\)", "", typ)  # numeric(12,3) -> numeric: no commas in Mermaid types
    typ = re.sub(r"[^A-Za-z0-9_\-\[\]()]", "_", typ)
    return typ if re.match(r"[A-Za-z_]", typ) else f"t_{typ}"


def mermaid_name(module: Module, schema: str, name: str) -> str:
    return name if schema == module.name else f'"{schema}.{name}"'


def fk_optional(t: Table, fk: Constraint) -> bool:
    cols = {c.name: c for c in t.columns}
    return any(not cols[c].not_null for c in fk.columns if c in cols)


def fk_unique(t: Table, fk: Constraint) -> bool:
    keys = ([key_columns(t)] if t.primary_key else []) + [u.columns for u in unique_keys(t)]
    return any(set(k) == set(fk.columns) for k in keys)


def fk_label_column(fk: Constraint) -> str:
    """The column that says what a (tenant_id, x_id) key points at: the last one."""
    non_tenant = [c for c in fk.columns if c != "tenant_id"]
    return (non_tenant or fk.columns)[-1]


def fk_targets(module: Module, t: Table) -> dict[str, str | None]:
    """Column -> the table it references. In a composite key (tenant_id, user_id)
    the table belongs to the column that names it (user_id); tenant_id only gets
    one from a foreign key of its own."""
    targets: dict[str, str | None] = {}
    for fk in foreign_keys(t):
        targets.setdefault(fk_label_column(fk), qualified(module, fk.ref_schema, fk.ref_table))
    for fk in foreign_keys(t):
        for c in fk.columns:
            targets.setdefault(c, None)
    return targets


def mermaid_diagram(module: Module, tables: list[Table], detailed: bool) -> str:
    """erDiagram of `tables`; foreign keys to other tables draw those as bare entities."""
    lines = [MMD_HEADER.rstrip(), "erDiagram"]
    for t in tables:
        if not detailed:
            lines.append(f"    {mermaid_name(module, t.schema, t.name)}")
            continue
        pk = set(key_columns(t))
        uk = {c for u in unique_keys(t) for c in u.columns if len(u.columns) == 1}
        fks = fk_targets(module, t)
        lines.append(f"    {mermaid_name(module, t.schema, t.name)} {{")
        for c in t.columns:
            keys = [k for k, s in (("PK", pk), ("FK", fks), ("UK", uk)) if c.name in s]
            comment = ""
            target = fks.get(c.name)
            if target and target in module.hubs:
                comment = f' "→ {target}"'
            lines.append(f"        {mermaid_type(c.type)} {c.name}" + (f" {', '.join(keys)}" if keys else "") + comment)
        lines.append("    }")
    rels = []
    for t, fk in drawn_foreign_keys(module, tables):
        parent = "|o" if fk_optional(t, fk) else "||"
        child = "o|" if fk_unique(t, fk) else "o{"
        rels.append(f"    {mermaid_name(module, fk.ref_schema, fk.ref_table)} {parent}--{child} "
                    f"{mermaid_name(module, t.schema, t.name)} : \"{', '.join(fk.columns)}\"")
    lines += sorted(set(rels))
    return "\n".join(lines) + "\n"


def drawn_foreign_keys(module, tables):
    """(table, foreign key) for every foreign key drawn as a line: a key to a hub
    table (referenced by many) is shown as a label on the column instead."""
    for t in tables:
        for fk in foreign_keys(t):
            target = qualified(module, fk.ref_schema, fk.ref_table)
            if target not in module.hubs or target == t.name:
                yield t, fk


def html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def dot_id(name: str) -> str:
    return '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'


DOT_HEAD = """digraph {title} {{
    graph [rankdir=LR, fontname="Helvetica", fontsize=12, nodesep=0.35, ranksep=0.9, pad=0.3, bgcolor="white",
           label={label}, labelloc=t, labeljust=l, pack=true, packmode="array_u{columns}"];
    node [shape=plaintext, fontname="Helvetica", fontsize=11];
    edge [color="#555555", penwidth=1.1, dir=both, arrowsize=0.8];
"""


def dot_table_node(module: Module, t: Table) -> str:
    pk = set(key_columns(t))
    fks = fk_targets(module, t)
    name = qualified(module, t.schema, t.name)
    rows = [f'<TR><TD COLSPAN="3" BGCOLOR="#2f5d8a" PORT="_title"><FONT COLOR="white"><B>{html(name)}</B></FONT>'
            + ('<FONT COLOR="#dbe7f3"> (partitioned)</FONT>' if t.kind == "p" else "") + "</TD></TR>"]
    for c in t.columns:
        key = " ".join(k for k, s in (("PK", pk), ("FK", fks)) if c.name in s)
        target = fks.get(c.name)
        typ = html(short_type(c.type))
        if target and target in module.hubs and target != name:
            typ += f' <FONT COLOR="#2f5d8a">→ {html(target)}</FONT>'
        cname = f"<B>{html(c.name)}</B>" if c.name in pk else html(c.name)
        if not c.not_null:
            cname += '<FONT COLOR="#888888">?</FONT>'
        key_cell = f'<FONT COLOR="#8a5a00" POINT-SIZE="9">{key}</FONT>' if key else ""
        rows.append(f'<TR><TD ALIGN="LEFT" PORT="{html(c.name)}.in">{key_cell}</TD>'
                    f'<TD ALIGN="LEFT">{cname}</TD>'
                    f'<TD ALIGN="LEFT" PORT="{html(c.name)}.out"><FONT COLOR="#555555">{typ}</FONT></TD></TR>')
    label = ('<<TABLE BORDER="1" CELLBORDER="0" CELLSPACING="0" CELLPADDING="3" COLOR="#2f5d8a">'
             + "".join(rows) + "</TABLE>>")
    return f"    {dot_id(name)} [label={label}];\n"


def dot_stub_node(name: str, note: str) -> str:
    label = (f'<<TABLE BORDER="1" CELLBORDER="0" CELLSPACING="0" CELLPADDING="4" COLOR="#999999" STYLE="dashed">'
             f'<TR><TD><FONT COLOR="#555555">{html(name)}</FONT></TD></TR>'
             + (f'<TR><TD><FONT POINT-SIZE="9" COLOR="#888888">{html(note)}</FONT></TD></TR>' if note else "")
             + "</TABLE>>")
    return f"    {dot_id(name)} [label={label}];\n"


def dot_edge(module: Module, t: Table, fk: Constraint, ports: bool, target_ports: set[str]) -> str:
    child = qualified(module, t.schema, t.name)
    parent = qualified(module, fk.ref_schema, fk.ref_table)
    head = "teeodot" if fk_optional(t, fk) else "teetee"
    tail = "teeodot" if fk_unique(t, fk) else "crowodot"
    if ports:
        tail_end = f"{dot_id(child)}:{dot_id(fk_label_column(fk) + '.out')}:e"
        ref_col = fk.ref_columns[fk.columns.index(fk_label_column(fk))] if fk.ref_columns else ""
        head_end = f"{dot_id(parent)}:{dot_id(ref_col + '.in')}:w" if parent in target_ports and ref_col else dot_id(parent)
    else:
        tail_end, head_end = dot_id(child), dot_id(parent)
    return f"    {tail_end} -> {head_end} [arrowhead={head}, arrowtail={tail}, tooltip={dot_id(fk.name)}];\n"


def area_diagram(module: Module, area: Area, slug: str) -> Diagram:
    by_name = {t.name: t for t in module.tables if t.schema == module.name}
    tables = [by_name[n] for n in area.tables]
    inside = set(area.tables)
    area_of = {n: a.title for a in module.areas for n in a.tables}
    stubs: dict[str, str] = {}
    edges = []
    for t in module.tables:
        if t.schema != module.name:
            continue
        for fk in foreign_keys(t):
            parent = qualified(module, fk.ref_schema, fk.ref_table)
            if parent in module.hubs and parent != t.name:
                continue
            if t.name in inside:
                edges.append((t, fk))
                if parent not in inside:
                    stubs[parent] = f"area: {area_of[parent]}" if parent in area_of else ""
            elif parent in inside:
                edges.append((t, fk))
                stubs[t.name] = f"area: {area_of.get(t.name, '')}"
    title = f"{module.name}: {area.title}" if area.title != module.name else module.name
    text = DOT_HEAD.format(title=dot_id(slug), label=dot_id(title), columns=3)
    for t in tables:
        text += dot_table_node(module, t)
    for name in sorted(stubs):
        text += dot_stub_node(name, stubs[name])
    for t, fk in sorted(edges, key=lambda e: (e[0].name, e[1].name)):
        text += dot_edge(module, t, fk, True, inside)
    text += "}\n"
    mermaid = mermaid_diagram(module, tables, True)
    # Tables of other areas that this area's tables reference appear as bare entities through the relationships;
    # tables of other areas that reference this area's tables are added as relationships too.
    extra = []
    for t, fk in edges:
        if t.name not in inside:
            parent = "|o" if fk_optional(t, fk) else "||"
            child = "o|" if fk_unique(t, fk) else "o{"
            extra.append(f"    {mermaid_name(module, fk.ref_schema, fk.ref_table)} {parent}--{child} "
                         f"{mermaid_name(module, t.schema, t.name)} : \"{', '.join(fk.columns)}\"")
    if extra:
        mermaid = mermaid.rstrip("\n") + "\n" + "\n".join(sorted(set(extra))) + "\n"
    return Diagram(slug, area, mermaid, text)


def overview_diagram(module: Module) -> Diagram:
    tables = [t for t in module.tables if t.schema == module.name]
    slug = module.name
    text = DOT_HEAD.format(title=dot_id(slug), label=dot_id(f"{module.name}: overview"), columns=2)
    text = text.replace("ranksep=0.9", "ranksep=1.2")
    by_name = {t.name: t for t in tables}
    for i, area in enumerate(module.areas):
        text += f"    subgraph {dot_id('cluster_' + area.slug)} {{\n"
        text += (f'        label={dot_id(area.title)}; style="rounded,filled"; fillcolor="#f3f6fa"; '
                 f'color="#9fb6cc"; fontname="Helvetica"; fontsize=12;\n')
        for n in area.tables:
            t = by_name[n]
            text += (f'        {dot_id(n)} [shape=box, style="rounded,filled", fillcolor="white", color="#2f5d8a",'
                     f' label={dot_id(n)}, tooltip={dot_id(t.comment or n)}];\n')
        text += "    }\n"
    externals = sorted({qualified(module, fk.ref_schema, fk.ref_table) for t in tables for fk in foreign_keys(t)}
                       - set(by_name))
    for name in externals:
        text += f'    {dot_id(name)} [shape=box, style="rounded,dashed", color="#999999", fontcolor="#555555"];\n'
    edges = [dot_edge(module, t, fk, False, set()) for t, fk in drawn_foreign_keys(module, tables)]
    text += "".join(sorted(set(edges)))
    hubs = [h for h in module.hubs if h in by_name]
    if hubs:
        text += f"    // hub tables {', '.join(hubs)}: references not drawn\n"
    text += "}\n"
    mermaid = mermaid_diagram(module, tables, False)
    return Diagram(slug, None, mermaid, text)


def module_diagrams(module: Module) -> list[Diagram]:
    own = [t for t in module.tables if t.schema == module.name]
    if not own:
        return []
    if len(module.areas) <= 1:
        area = module.areas[0] if module.areas else Area(module.name, module.name, [t.name for t in own])
        area = Area(module.name, module.name, area.tables)
        return [area_diagram(module, area, module.name)]
    return [overview_diagram(module)] + [area_diagram(module, a, a.slug) for a in module.areas]


# ----------------------------------------------------------------- files
