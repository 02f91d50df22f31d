"""The store sits below the engines and the pipeline: it is handed an engine to code with
(``Store.ingest(..., engine=...)``) and never imports one, nor anything above it."""

from __future__ import annotations

import ast
from pathlib import Path

import dateline.store

STORE = Path(dateline.store.__file__).parent
ABOVE = ("dateline.engines", "dateline.pipeline", "dateline.cli", "dateline.api")


def named_modules(source: str) -> set[str]:
    """Every module a source imports (at any depth, typing-only imports too) or names in a
    string (what ``importlib.import_module`` is handed)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
        elif (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and node.value.startswith("dateline.")
            and " " not in node.value
        ):
            names.add(node.value)
    return names


def test_named_modules_sees_every_kind_of_import() -> None:
    source = (
        "import dateline.engines\n"
        "def f():\n    from dateline.pipeline import Pipeline\n"
        "LAZY = {'X': 'dateline.cli.query'}\n"
        "DOC = 'see dateline.api for more'\n"
    )
    assert named_modules(source) == {"dateline.engines", "dateline.pipeline", "dateline.cli.query"}


def test_the_store_imports_nothing_above_it() -> None:
    files = sorted(STORE.glob("*.py"))
    assert len(files) > 5
    for path in files:
        upward = {m for m in named_modules(path.read_text()) if m.startswith(ABOVE)}
        assert not upward, f"{path.name} imports {sorted(upward)}"
