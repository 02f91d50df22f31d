"""Building the knowledge base: the package's TSV data files, then the user's files (TSV
files in the same formats, or TABARI/PETRARCH ``.actors``/``.agents`` dictionaries).

Kept apart from ``_kb`` (the data model and TSV loaders) and ``_tabari`` (the dictionary
importer, which builds on ``_kb``) so that imports flow one way.
"""

from __future__ import annotations

from collections.abc import Sequence
from importlib import resources
from pathlib import Path

from dateline.actors._kb import PACKAGE_FILES, KBWarning, KnowledgeBase, load_tsv
from dateline.actors._tabari import load_dictionary


def build_kb(extra: Sequence[Path] = ()) -> KnowledgeBase:
    """Read the package data files and then ``extra`` user files (later files add to earlier)."""
    kb = KnowledgeBase()
    base = resources.files("dateline").joinpath("data/actors")
    for name in PACKAGE_FILES:
        load_tsv(kb, base.joinpath(name).read_text(encoding="utf-8"), name)
    kb.sources.append("dateline/data/actors")
    for path in extra:
        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError as exc:
            kb.warnings.append(KBWarning(str(path), 0, f"cannot read: {exc.strerror or exc}"))
            continue
        if path.suffix.lower() == ".tsv":
            load_tsv(kb, text, str(path))
        else:
            load_dictionary(kb, text, str(path))
        kb.sources.append(str(path))
    return kb
