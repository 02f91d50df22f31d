"""Other packages use ``dateline.events`` through its ``__init__`` only, so that the coder's
modules can be split and renamed without touching them."""

from __future__ import annotations

import ast
from pathlib import Path

import dateline
import dateline.events

PACKAGE = Path(dateline.__file__).parent
# The stages after events, which see it from outside.
USERS = ("pipeline.py", "explain.py", "eval", "store", "cli", "api", "engines", "watch", "bench.py")


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            out.append(node.module)
            out.extend(f"{node.module}.{a.name}" for a in node.names)
    return out


def test_users_import_the_package_not_its_modules() -> None:
    paths = [PACKAGE / user for user in USERS]
    files = [f for p in paths for f in ([p] if p.suffix == ".py" else sorted(p.rglob("*.py")))]
    assert any(f.name == "pipeline.py" for f in files)
    private = [
        f"{f.relative_to(PACKAGE)}: {name}"
        for f in files
        for name in _imports(f)
        if name.startswith("dateline.events.")
        and name.removeprefix("dateline.events.") not in dateline.events.__all__
    ]
    assert private == []


def test_the_face_names_what_it_exports() -> None:
    missing = [name for name in dateline.events.__all__ if not hasattr(dateline.events, name)]
    assert missing == []
