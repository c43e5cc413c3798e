"""docs/ on disk: render every file, compare with what is there (--check), write.

SVG bytes depend on the Graphviz version, so each SVG carries the sha256 of
the Graphviz source it was drawn from and --check compares that: it needs no
Graphviz, and a regeneration leaves SVGs whose source did not change untouched.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import UsageError
from .diagrams import module_diagrams
from .markdown import MARK, MODULE_PAGES, render_index, render_module
from .model import Reference, migrate_and_read

SVG_MARK = re.compile(r"<!-- " + re.escape(MARK) + r"; source sha256 ([0-9a-f]{64}) -->")


@dataclass
class DocsResult:
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def problems(self) -> list[str]:
        return (
            [f"docs/{n}: stale (run schema-tool docs)" for n in self.stale]
            + [f"docs/{n}: missing (run schema-tool docs)" for n in self.missing]
            + [f"docs/{n}: no longer generated (run schema-tool docs to remove it)" for n in self.extra]
        )




def source_hash(dot_source: str) -> str:
    return hashlib.sha256(dot_source.encode()).hexdigest()


def svg_hash(path: Path) -> str | None:
    if not path.exists():
        return None
    match = SVG_MARK.search(path.read_text(errors="replace")[:2000])
    return match.group(1) if match else None


def draw_svg(dot_source: str) -> str:
    dot = shutil.which("dot")
    if not dot:
        raise UsageError("Graphviz's dot is not installed: apt-get install graphviz (or run .ci/ensure-graphviz)")
    result = subprocess.run([dot, "-Tsvg"], input=dot_source, capture_output=True, text=True)
    if result.returncode != 0:
        raise UsageError(f"dot failed: {result.stderr.strip()}")
    svg = result.stdout
    mark = f"<!-- {MARK}; source sha256 {source_hash(dot_source)} -->\n"
    if svg.startswith("<?xml"):
        end = svg.index("?>") + 2
        return svg[:end] + "\n" + mark + svg[end:].lstrip("\n")
    return mark + svg


def render_files(catalog: Reference, root: Path) -> tuple[dict[str, str], dict[str, str]]:
    """({file: text}, {svg file: Graphviz source}) for everything docs/ should hold."""
    MODULE_PAGES.clear()
    MODULE_PAGES.update(m.name for m in catalog.modules)
    files: dict[str, str] = {}
    svgs: dict[str, str] = {}
    all_diagrams = {}
    for m in catalog.modules:
        diagrams = module_diagrams(m)
        all_diagrams[m.name] = diagrams
        files[f"{m.name}.md"] = render_module(m, diagrams, catalog)
        for d in diagrams:
            files[f"{d.slug}.mmd"] = d.mermaid
            svgs[f"{d.slug}.svg"] = d.dot
        if m.name in catalog.dumps:
            files[f"schema/{m.name}.sql"] = catalog.dumps[m.name]
    extra = []
    if (root / "docs" / "lint-rules.md").exists():
        extra.append(("Lint rules", "lint-rules.md"))
    files["index.md"] = render_index(catalog, all_diagrams, extra)
    return dict(sorted(files.items())), dict(sorted(svgs.items()))


def generated_files_in(directory: Path) -> set[str]:
    """Files under `directory` that docs wrote (they carry MARK), relative to it."""
    found = set()
    candidates = list(directory.glob("*")) + list(directory.glob("schema/*.sql")) if directory.is_dir() else []
    for path in candidates:
        if path.is_file() and path.suffix in (".md", ".mmd", ".svg", ".sql"):
            head = path.read_text(errors="replace")[:2000]
            if MARK in head:
                found.add(path.relative_to(directory).as_posix())
    return found


def build_docs(root: Path, check: bool = False, engine: str = "embedded", output: Path | None = None,
               progress=lambda m: None) -> DocsResult:
    """Migrate a throwaway database, read it back and write (or --check) docs/."""
    started = time.perf_counter()
    out_dir = output or root / "docs"
    if not (root / "migrations").is_dir():
        raise UsageError(f"{root / 'migrations'}: no such folder (run schema-tool docs in the project)")
    catalog = migrate_and_read(root, engine, progress)
    files, svgs = render_files(catalog, root)
    result = DocsResult()
    existing = generated_files_in(out_dir)
    for name, text in files.items():
        path = out_dir / name
        if not path.exists():
            result.missing.append(name)
        elif path.read_text() != text:
            result.stale.append(name)
        else:
            result.unchanged.append(name)
    for name, source in svgs.items():
        path = out_dir / name
        have = svg_hash(path)
        if not path.exists():
            result.missing.append(name)
        elif have != source_hash(source):
            result.stale.append(name)
        else:
            result.unchanged.append(name)
    result.extra = sorted(existing - set(files) - set(svgs))
    result.stale.sort()
    result.missing.sort()
    if not check:
        # Draw every SVG before writing anything: without Graphviz, docs/ stays as it was.
        from concurrent.futures import ThreadPoolExecutor

        names = sorted(result.missing + result.stale)
        with ThreadPoolExecutor(max_workers=4) as pool:
            drawn = dict(zip(names, pool.map(lambda n: files[n] if n in files else draw_svg(svgs[n]), names)))
        texts = {name: drawn[name] for name in names}
        out_dir.mkdir(parents=True, exist_ok=True)
        for name, text in texts.items():
            (out_dir / name).parent.mkdir(parents=True, exist_ok=True)
            (out_dir / name).write_text(text)
            result.written.append(name)
        for name in result.extra:
            (out_dir / name).unlink()
            result.removed.append(name)
        result.written.sort()
    result.seconds = time.perf_counter() - started
    return result


# ----------------------------------------------------------------- command line
