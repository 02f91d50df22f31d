"""Codes of user dictionaries that extend CAMEO ("174K"): what is described, what is not."""

from __future__ import annotations

import pytest

from dateline.codebook import UnknownCodeError, extension_base, load_codebook

CB = load_codebook()


@pytest.mark.parametrize(
    ("code", "base"), [("174K", "174"), ("1717", "171"), ("095", "09"), ("0431", "043")]
)
def test_extension_codes_take_their_longest_cameo_prefix(code: str, base: str) -> None:
    assert not CB.is_valid(code)
    assert CB.extension_base(code) == base
    cameo, plover = CB.describe(code)
    assert cameo.code == code and cameo.name is None
    assert cameo.root == base[:2]
    assert (cameo.quad_class, cameo.goldstein) == (CB.quad_class(base), CB.goldstein(base))
    assert plover == CB.plover(base)


@pytest.mark.parametrize("code", ["903", "345", "223", "+++", "---", "1", "", "21A", "19x"])
def test_codes_without_a_cameo_root_are_not_extensions(code: str) -> None:
    assert CB.extension_base(code) is None
    with pytest.raises(UnknownCodeError):
        CB.describe(code)


def test_codebook_codes_are_described_as_themselves() -> None:
    assert CB.extension_base("043") is None
    cameo, plover = CB.describe("043")
    assert cameo == CB.cameo("043") and plover == CB.plover("043")
    # The codebook stays strict: an extension is not a CAMEO code.
    with pytest.raises(UnknownCodeError):
        CB.cameo("174K")
    assert extension_base("174K", {"17", "174"}) == "174"
