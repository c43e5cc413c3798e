"""Compare two bench/scale.py results: the rows whose time, ratio or flags changed.

    .venv/bin/python bench/compare.py bench/results/scale-1-before-tuning.json bench/results/scale-1.json

Prints a Markdown table: query, user, before p50 (RLS/bypass), after p50
(RLS/bypass), the index used after, and the flags before -> after. Rows only
in one of the runs are listed as new or gone.
"""

from __future__ import annotations

import json
import sys


def load(path: str) -> dict:
    return {(r["module"], r["query"], r["persona"]): r for r in json.load(open(path))["results"]}


def cell(r: dict | None) -> str:
    if r is None or r["rows"] < 0:
        return "-"
    ratio = f" (x{r['ratio']:.1f})" if r.get("ratio") else ""
    return f"{r['p50']:.2f}{ratio}"


def flags(r: dict | None) -> str:
    if r is None:
        return "-"
    return "; ".join(r["flags"]) or "ok"


def main(before_path: str, after_path: str) -> int:
    before, after = load(before_path), load(after_path)
    print("| query | user | before p50 ms (RLS/bypass) | after p50 ms (RLS/bypass) | after: index used | flags before -> after |")
    print("|---|---|---:|---:|---|---|")
    for key in list(before) + [k for k in after if k not in before]:
        b, a = before.get(key), after.get(key)
        changed = (b is None or a is None or flags(b) != flags(a)
                   or abs(a["p50"] - b["p50"]) > max(0.5, 0.3 * b["p50"]))
        if not changed:
            continue
        index = ", ".join((a or {}).get("indexes", [])[:2]) or "-"
        print(f"| {key[0]}.{key[1]} | {key[2]} | {cell(b)} | {cell(a)} | {index} | {flags(b)} -> {flags(a)} |")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2]))
