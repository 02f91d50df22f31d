"""The packaged CAMEO/PLOVER codebook: completeness, consistency and known values."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dateline.codebook import (
    PLOVER_EVENTS,
    Codebook,
    UnknownCodeError,
    load_codebook,
    normalise_plover_event,
)
from dateline.errors import DatelineError, DictionaryError
from dateline.model import Cameo, Plover

# The shared table is the official PLOVER conversion; ours is authored independently, so a
# few considered differences are allowed, but not a systematic divergence.
MIN_EVENT_AGREEMENT = 0.95

CB = load_codebook()


def test_loaded_once() -> None:
    assert load_codebook() is CB


def test_size_and_roots() -> None:
    codes = CB.codes()
    assert len(codes) == len(set(codes))
    roots = [c for c in codes if len(c) == 2]
    assert roots == [f"{i:02d}" for i in range(1, 21)]
    assert 280 <= len(codes) - len(roots) <= 320
    for code in codes:
        assert re.fullmatch(r"\d{2,4}", code), code
        assert 1 <= int(code[:2]) <= 20


def test_hierarchy_closed() -> None:
    codes = set(CB.codes())
    for code in codes:
        if len(code) == 4:
            assert code[:3] in codes, f"{code} has no three-digit parent"
        if len(code) == 3:
            assert code[:2] in codes
            assert f"{code[:2]}0" in codes, f"root {code[:2]} lacks its 'not specified' code"


@pytest.mark.parametrize("code", CB.codes())
def test_every_code_consistent(code: str) -> None:
    cameo = CB.cameo(code)
    assert isinstance(cameo, Cameo)
    assert cameo.code == code
    assert cameo.root == code[:2]
    root = int(code[:2])
    expected_quad = 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4
    expected_penta = 0 if root <= 2 else expected_quad
    assert cameo.quad_class == expected_quad
    assert CB.penta(code) == expected_penta
    assert -10.0 <= cameo.goldstein <= 10.0
    assert cameo.name and cameo.name == CB.name(code)
    plover = CB.plover(code)
    assert isinstance(plover, Plover)
    assert plover.event in PLOVER_EVENTS | {"STATEMENT"}
    assert plover.event == plover.event.upper()
    assert all(c and c == c.strip() and "," not in c for c in plover.context)
    if plover.event == "STATEMENT":
        assert code.startswith("01"), "only CAMEO 01 statements may fall outside PLOVER"


def test_goldstein_sign_follows_cooperation() -> None:
    # Material cooperation is positive and material conflict negative throughout.
    for code in CB.codes():
        quad = CB.quad_class(code)
        if quad == 2:
            assert CB.goldstein(code) > 0, code
        if quad == 4:
            assert CB.goldstein(code) < 0, code


@pytest.mark.parametrize(
    ("code", "event", "goldstein", "quad"),
    [
        ("040", "CONSULT", 1.0, 1),
        ("042", "CONSULT", 1.9, 1),
        ("057", "SUPPORT", 8.0, 1),
        ("0871", "CONCEDE", 9.0, 2),  # PLOVER manual: a declared ceasefire is a concession
        ("0874", "RETREAT", 10.0, 2),
        ("0874", "RETREAT", 10.0, 2),
        ("073", "AID", 7.4, 2),
        ("111", "ACCUSE", -2.0, 3),
        ("1041", "REQUEST", -5.0, 3),
        ("0241", "REQUEST", -0.3, 1),
        ("138", "THREATEN", -7.0, 3),
        ("141", "PROTEST", -6.5, 4),
        ("154", "MOBILIZE", -7.2, 4),
        ("173", "COERCE", -5.0, 4),
        ("183", "ASSAULT", -10.0, 4),
        ("190", "ASSAULT", -10.0, 4),
        ("195", "ASSAULT", -10.0, 4),
    ],
)
def test_spot_values(code: str, event: str, goldstein: float, quad: int) -> None:
    assert CB.plover(code).event == event
    assert CB.goldstein(code) == goldstein
    assert CB.quad_class(code) == quad


def test_spot_names_and_modes() -> None:
    assert CB.name("190") == "Use conventional military force, not specified below"
    assert CB.name("163") == "Impose embargo, boycott, or sanctions"
    assert CB.plover("041").mode == "phone"
    assert CB.plover("0872").mode == "withdraw"
    # Where the PLOVER manual's text contradicts the 2021 conversion table, the manual wins.
    assert CB.plover("0831").event == "RETREAT" and CB.plover("0831").mode == "resign"
    assert CB.plover("163").event == "SANCTION"
    assert CB.plover("0813").event == "CONCEDE"
    assert CB.plover("1124").context == ["military", "legal"]
    assert CB.plover("040").mode is None
    assert CB.plover("040").context == []
    assert CB.penta("020") == 0 and CB.penta("190") == 4


def test_statements_outside_plover() -> None:
    assert not CB.is_plover_event("010")
    assert CB.is_plover_event("019")
    assert CB.plover("016").event == "REJECT"


@pytest.mark.parametrize("bad", ["431", "0431", "99", "1", "", "999", "19x", "2043"])
def test_unknown_code(bad: str) -> None:
    assert not CB.is_valid(bad)
    with pytest.raises(UnknownCodeError) as info:
        CB.cameo(bad)
    assert isinstance(info.value, DatelineError)
    assert "leading zero" in str(info.value)
    with pytest.raises(UnknownCodeError):
        CB.plover(bad)
    with pytest.raises(UnknownCodeError):
        CB.penta(bad)


def test_int_code_rejected() -> None:
    assert not CB.is_valid(10)  # type: ignore[arg-type]
    with pytest.raises(UnknownCodeError):
        CB.cameo(10)  # type: ignore[arg-type]


def test_whitespace_tolerated() -> None:
    assert CB.cameo(" 190 ").code == "190"


def test_incomplete_mapping_rejected() -> None:
    from dateline.codebook._tables import read_cameo, read_plover

    cameo, plover = read_cameo(), read_plover()
    del plover["190"]
    with pytest.raises(DictionaryError, match="190"):
        Codebook(cameo, plover)


def test_normalise_plover_event() -> None:
    assert normalise_plover_event("demand") == "REQUEST"
    assert normalise_plover_event("FIGHT") == "ASSAULT"
    assert normalise_plover_event(" Agree ") == "AGREE"


def _shared_mapping(path: Path) -> dict[str, str]:
    mapping: dict[str, str] = {}
    for line in path.read_text("utf-8").splitlines():
        m = re.match(r"^(\d{3,4}):\s*([A-Z]+)\s*,", line)
        if m:
            mapping.setdefault(m.group(1), m.group(2))
    return mapping


def test_agrees_with_official_plover_table(shared_dir: Path) -> None:
    shared = _shared_mapping(shared_dir / "data" / "plover-gsr" / "CAMEO2PLOVER-2021.txt")
    assert len(shared) > 250
    unknown = sorted(c for c in shared if not CB.is_valid(c))
    assert not unknown, f"shared table has codes missing from cameo.tsv: {unknown}"
    disagreements = [
        f"{code}: ours {CB.plover(code).event}, shared {event}"
        for code, event in sorted(shared.items())
        if CB.plover(code).event != normalise_plover_event(event)
    ]
    agreement = 1 - len(disagreements) / len(shared)
    assert agreement >= MIN_EVENT_AGREEMENT, "\n".join(disagreements)


def test_covers_official_plover_table(shared_dir: Path) -> None:
    # Every code of roots 03-20 in the official table must be in ours, and vice versa.
    shared = _shared_mapping(shared_dir / "data" / "plover-gsr" / "CAMEO2PLOVER-2021.txt")
    ours = {c for c in CB.codes() if len(c) > 2 and int(c[:2]) >= 3}
    assert sorted(ours - set(shared)) == []


def test_named_cameo_codes_are_codes_of_the_codebook() -> None:
    # The constants the event modules test by name (ACCUSE_CODE, PROTEST_ROOT, ...): a typo
    # or a code missing from cameo.tsv would silently never match an event.
    import dateline.codebook as module

    named = {k: v for k, v in vars(module).items() if re.fullmatch(r"[A-Z][A-Z_]*_(ROOT|CODE)", k)}
    assert len(named) >= 40
    codebook = load_codebook()
    unknown = {k: v for k, v in named.items() if not codebook.is_valid(v)}
    assert unknown == {}
    roots = {k: v for k, v in named.items() if k.endswith("_ROOT") and len(v) != 2}
    assert roots == {}
    assert len(set(named.values())) == len(named)  # one name per code
