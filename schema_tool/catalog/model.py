"""The typed model of a database's catalog: what `read_catalog` returns.

Every object is a frozen dataclass of strings, booleans and tuples, so two
catalogs compare object by object (`==`, `hash`, sets) and a diff can key them
by identity (`.key`). Nothing here depends on OIDs, timestamps or the order
the server happens to return rows in: the reader sorts everything.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# pg_policy.polcmd -> the command a policy applies to (the one map; docs and lint use it).
COMMANDS = {"r": "select", "a": "insert", "w": "update", "d": "delete", "*": "all"}
# pg_constraint.confdeltype / confupdtype -> the referential action.
ON_ACTION = {"a": "no action", "r": "restrict", "c": "cascade", "n": "set null", "d": "set default"}
VOLATILITY = {"i": "immutable", "s": "stable", "v": "volatile"}


@dataclass(frozen=True)
class Grant:
    """One privilege held by one role (`public` for PUBLIC), from an ACL."""

    role: str
    privilege: str  # lower case: select, insert, update, delete, truncate, references, trigger, execute, usage, ...
    grantable: bool = False


@dataclass(frozen=True)
class Schema:
    name: str
    owner: str
    comment: str | None
    grants: tuple[Grant, ...] = ()

    @property
    def key(self) -> tuple[str]:
        return (self.name,)


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # format_type: e.g. `text[]`, `character varying(80)`, `mood` (as the search path shows it)
    element_type: str  # the type without array brackets, schema-qualified unless in pg_catalog
    is_array: bool
    type_kind: str  # pg_type.typtype of the element type: b base, e enum, d domain, c composite, r range
    not_null: bool
    default: str | None  # the default, or the generation expression of a generated column
    identity: str  # '' , 'a' (always), 'd' (by default)
    generated: str  # '', 's' (stored), 'v' (virtual)
    comment: str | None
    grants: tuple[Grant, ...] = ()  # column-level privileges

    @property
    def is_enum(self) -> bool:
        return self.type_kind == "e"

    @property
    def has_default(self) -> bool:
        return bool(self.default) or bool(self.identity) or bool(self.generated)


@dataclass(frozen=True)
class Constraint:
    name: str
    kind: str  # p primary key, u unique, f foreign key, c check, x exclusion
    columns: tuple[str, ...]
    definition: str  # pg_get_constraintdef
    ref_schema: str | None = None
    ref_table: str | None = None
    ref_columns: tuple[str, ...] = ()
    on_delete: str | None = None
    on_update: str | None = None
    deferrable: bool = False
    comment: str | None = None  # why a key or check is as it is
    ref_primary: bool = field(default=False, compare=False)  # a foreign key to the referenced primary key


@dataclass(frozen=True)
class Index:
    name: str
    definition: str  # pg_get_indexdef
    unique: bool
    primary: bool
    constraint_kind: str  # 'p', 'u', 'x' when a constraint owns the index, else ''
    columns: tuple[str, ...] = field(default=(), compare=False)  # key and included columns; '' for an expression
    valid: bool = field(default=True, compare=False)
    partial: bool = field(default=False, compare=False)

    @property
    def method_and_keys(self) -> str:
        """`btree (a, b) where ...`: the definition after USING."""
        return self.definition.split(" USING ", 1)[1] if " USING " in self.definition else self.definition


@dataclass(frozen=True)
class Policy:
    name: str
    command: str  # select, insert, update, delete, all
    roles: tuple[str, ...]  # sorted; `public` for PUBLIC
    permissive: bool
    using: str | None
    check: str | None


@dataclass(frozen=True)
class Trigger:
    name: str
    definition: str  # pg_get_triggerdef
    function: str  # schema-qualified trigger function
    enabled: str  # pg_trigger.tgenabled: O, D, R, A


@dataclass(frozen=True)
class Partition:
    name: str
    bound: str  # pg_get_expr(relpartbound): `FOR VALUES FROM (...) TO (...)` or `DEFAULT`
    rls: bool = False
    grants: tuple[Grant, ...] = ()  # a partition reachable through the API needs a grant of its own


@dataclass(frozen=True)
class Read:
    """A relation a view reads, directly or through other views."""

    schema: str
    name: str
    kind: str  # pg_class.relkind
    rls: bool


@dataclass(frozen=True)
class Table:
    """A table, partitioned table, view or materialized view (`kind`)."""

    schema: str
    name: str
    kind: str  # r table, p partitioned table, v view, m materialized view
    owner: str
    comment: str | None
    columns: tuple[Column, ...] = ()
    constraints: tuple[Constraint, ...] = ()
    indexes: tuple[Index, ...] = ()
    rls: bool = False
    rls_forced: bool = False
    policies: tuple[Policy, ...] = ()
    triggers: tuple[Trigger, ...] = ()
    grants: tuple[Grant, ...] = ()
    partition_key: str | None = None
    partitions: tuple[Partition, ...] = field(default=(), compare=False)  # made by date; not part of identity
    security_invoker: bool = False
    definition: str | None = None  # view query
    reads: tuple[Read, ...] = field(default=(), compare=False)  # a view's relations, sorted; follows from definition

    @property
    def key(self) -> tuple[str, str]:
        return (self.schema, self.name)

    @property
    def is_view(self) -> bool:
        return self.kind in ("v", "m")

    @property
    def primary_key(self) -> Constraint | None:
        return next((c for c in self.constraints if c.kind == "p"), None)

    def granted(self, role: str, *privileges: str) -> bool:
        """Whether `role` (directly or through PUBLIC) holds any of `privileges` on the relation."""
        return any(g.role in (role, "public") and g.privilege in privileges for g in self.grants)

    def constraints_of(self, kind: str) -> list[Constraint]:
        return [c for c in self.constraints if c.kind == kind]

    def column(self, name: str) -> Column | None:
        return next((c for c in self.columns if c.name == name), None)


@dataclass(frozen=True)
class Argument:
    name: str  # '' when unnamed
    mode: str  # in, out, inout, variadic, table
    type: str
    has_default: bool


@dataclass(frozen=True)
class Function:
    schema: str
    name: str
    identity_arguments: str  # pg_get_function_identity_arguments: part of the key (overloads)
    arguments: tuple[Argument, ...]
    returns: str  # pg_get_function_result ('' for a procedure)
    returns_set: bool
    kind: str  # f function, p procedure, a aggregate, w window
    language: str
    security_definer: bool
    volatility: str  # immutable, stable, volatile
    strict: bool
    config: tuple[str, ...]  # sorted proconfig, e.g. ('search_path=""',)
    body: str  # prosrc
    owner: str
    comment: str | None
    grants: tuple[Grant, ...] = ()  # the effective ACL (the default, PUBLIC execute, when never changed)
    signature: str = field(default="", compare=False)  # regprocedure text, e.g. `app.f(uuid, text)`

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.schema, self.name, self.identity_arguments)

    @property
    def search_path(self) -> str | None:
        """The function's `set search_path`, or None when it inherits the caller's."""
        for item in self.config:
            if item.startswith("search_path="):
                return item.split("=", 1)[1]
        return None

    def executable_by(self, role: str) -> bool:
        return any(g.privilege == "execute" and g.role in (role, "public") for g in self.grants)


@dataclass(frozen=True)
class Type:
    """A user-defined type: enum (`labels`), domain (`base`, `checks`) or composite (`attributes`)."""

    schema: str
    name: str
    kind: str  # e enum, d domain, c composite
    comment: str | None
    labels: tuple[str, ...] = ()
    base: str | None = None
    checks: tuple[str, ...] = ()
    attributes: tuple[tuple[str, str], ...] = ()  # (name, type)

    @property
    def key(self) -> tuple[str, str]:
        return (self.schema, self.name)


@dataclass(frozen=True)
class Extension:
    name: str
    schema: str
    version: str
    default_version: str | None  # what `alter extension ... update` would move it to


@dataclass(frozen=True)
class Catalog:
    """Everything read from a set of schemas, sorted by identity."""

    schemas: tuple[Schema, ...]
    tables: tuple[Table, ...]  # tables and views; partitions only on their parent
    functions: tuple[Function, ...]
    types: tuple[Type, ...]
    extensions: tuple[Extension, ...] = field(default=(), compare=False)  # database-wide, not per schema

    def relations(self, *kinds: str) -> list[Table]:
        return [t for t in self.tables if not kinds or t.kind in kinds]

    def table(self, schema: str, name: str) -> Table | None:
        return next((t for t in self.tables if t.schema == schema and t.name == name), None)

    def by_key(self) -> dict[tuple, object]:
        """Every object keyed by (kind, *identity): what a diff of two catalogs compares."""
        out: dict[tuple, object] = {}
        for s in self.schemas:
            out[("schema", *s.key)] = s
        for t in self.tables:
            out[("view" if t.is_view else "table", *t.key)] = t
        for f in self.functions:
            out[("function", *f.key)] = f
        for t in self.types:
            out[("type", *t.key)] = t
        return out
