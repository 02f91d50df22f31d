"""The CAMEO codes that code names in ``dateline.codebook`` are codes of the codebook."""

from __future__ import annotations

import dateline.codebook as codebook_module
from dateline.codebook import load_codebook


def named_codes() -> dict[str, str]:
    return {
        name: value
        for name, value in vars(codebook_module).items()
        if name.endswith(("_ROOT", "_CODE")) and isinstance(value, str)
    }


def test_every_named_code_is_in_the_codebook() -> None:
    codes = named_codes()
    assert len(codes) >= 15  # the coder's block was read
    book = load_codebook()
    assert {n: c for n, c in codes.items() if not book.is_valid(c)} == {}


def test_roots_are_roots() -> None:
    roots = {n: c for n, c in named_codes().items() if n.endswith("_ROOT")}
    assert roots and all(len(c) == 2 for c in roots.values())
    book = load_codebook()
    assert all(book.cameo(c).root == c for c in roots.values())
