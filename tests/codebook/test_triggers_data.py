"""The shipped trigger lexicon (data/events/triggers.tsv) is well-formed per TRIGGERS.md.

These tests read the file directly, with a strict parser of the documented format, so a
malformed row fails here rather than becoming a skipped-line warning at run time.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from importlib import resources

import pytest

from dateline.codebook import load_codebook
from dateline.events._rules import ACTOR_KINDS
from dateline.events._words import word_class
from dateline.events.lexicon import parse_word_pattern

COLUMNS = ["id", "lemma", "pos", "requires", "target", "cameo", "note"]
REQUIRE_KEYS = {
    "obj",
    "prt",
    "prep",
    "xcomp",
    "mod",
    "pobj",
    "subj",
    "tail",
    "content",
}  # plus "neg", "clause"
WORD_PATTERN_KEYS = {"words", "nowords"}  # word patterns around the head (docs/triggers.md)
TARGETS = {"obj", "between", "poss", "dative", "none", "purpose", "instrument", "clause"}
# The lexicon is meant to cover English news broadly, not a handful of frames.
MIN_ROWS = 500
# "Several" rows per CAMEO root: each root must be reachable from varied wording.
MIN_ROWS_PER_ROOT = 5
# Verbs that carry no event meaning of their own ("held talks", "launched an attack",
# "took hostages"). A bare row for one of them would code every object it takes; they
# may only appear with an object or particle constraint.
SEMANTICALLY_LIGHT_VERBS = {
    "be",
    "have",
    "do",
    "make",
    "take",
    "give",
    "get",
    "hold",
    "carry",
    "conduct",
    "launch",
    "stage",
    "stag",
    "put",
    "set",
    "go",
    "come",
    "bring",
    "impose",
    "issue",
    "level",
    "pay",
    "open",
    "begin",
    "start",
    "continue",
    "resume",
    "announce",
    "use",
    "show",
    "find",
    "reach",
    "extend",
    "lay",
    "mount",
    "drop",
    "cast",
    "file",
    "lodge",
    "seal",
    "step",
    "turn",
    "rule",
    "walk",
    "send",
    "say",
    "call",
    "see",
    "keep",
}
WORD = re.compile(r"[a-z][a-z0-9'éè]*")


@dataclass(frozen=True)
class Row:
    line: int
    id: str
    lemma: str
    pos: str
    requires: str
    target: str
    cameo: str
    note: str


def _rows() -> list[Row]:
    text = resources.files("dateline").joinpath("data/events/triggers.tsv").read_text("utf-8")
    header: list[str] | None = None
    rows: list[Row] = []
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            continue
        assert len(cells) == len(COLUMNS), f"line {lineno}: {len(cells)} columns: {line!r}"
        rows.append(Row(lineno, *cells))
    assert header == COLUMNS
    return rows


ROWS = _rows()
CB = load_codebook()


def _parse_requires(text: str) -> dict[str, list[str]]:
    """Strict parse of the requires column; raises ValueError on anything undocumented."""
    out: dict[str, list[str]] = {}
    for part in text.split():
        if part in {"neg", "clause"}:
            key, values = part, []
        else:
            key, sep, raw = part.partition("=")
            if sep and key in WORD_PATTERN_KEYS:
                # Word patterns ("*~martial_law"): the lexicon's own parser is the spec.
                values = raw.split("|")
                for value in values:
                    parse_word_pattern(value)
                if key in out:
                    raise ValueError(f"constraint {key!r} given twice")
                out[key] = values
                continue
            if not sep or key not in REQUIRE_KEYS:
                raise ValueError(f"unknown constraint {part!r}")
            values = raw.split("|")
            for value in values:
                if value.startswith("@"):
                    word_class(value[1:])  # a word class that exists (raises otherwise)
            values = [v for v in values if not v.startswith("@")] or ["class"]
            if not all(WORD.fullmatch(v) for v in values):
                raise ValueError(f"bad values in {part!r} (lower-case single words only)")
            if len(set(values)) != len(values):
                raise ValueError(f"repeated value in {part!r}")
        if key in out:
            raise ValueError(f"constraint {key!r} given twice")
        out[key] = values
    return out


def _parse_target(text: str) -> list[str]:
    alternatives = text.split("|")
    for spec in alternatives:
        # "prep:from@organisation": the alternative holds only for an actor of that kind
        alt, _, kind = spec.partition("@")
        if kind and kind not in ACTOR_KINDS:
            raise ValueError(f"unknown actor kind {kind!r} in {spec!r}")
        if alt in TARGETS:
            continue
        if re.fullmatch(r"np:[a-z]*:\d", alt):
            continue  # "np::0": the first actor in the phrases right after the head
        prep, sep, word = alt.partition(":")
        if prep != "prep" or not sep or not WORD.fullmatch(word):
            raise ValueError(f"unknown target {alt!r}")
    if len(set(alternatives)) != len(alternatives):
        raise ValueError(f"repeated target in {text!r}")
    return alternatives


def test_size() -> None:
    assert len(ROWS) >= MIN_ROWS


def test_ids_unique_and_well_formed() -> None:
    counts = Counter(r.id for r in ROWS)
    assert [i for i, n in counts.items() if n > 1] == []
    for r in ROWS:
        # An optional branch prefix ("rq.", "mat2.") keeps ids added in parallel apart.
        m = re.fullmatch(r"(?:[a-z]+[0-9]*\.)?([vn])\.[a-z0-9][a-z0-9.\-]*", r.id)
        assert m, r
        assert m.group(1) == ("v" if r.pos == "VERB" else "n"), f"id prefix vs pos: {r}"


@pytest.mark.parametrize("row", ROWS, ids=lambda r: r.id)
def test_row_valid(row: Row) -> None:
    assert row.pos in {"VERB", "NOUN"}
    # A lemma is one spaCy token: the tokenizer splits hyphens, so "cease-fire" never matches.
    assert WORD.fullmatch(row.lemma), f"lemma {row.lemma!r} is not a single lower-case token"
    _parse_requires(row.requires)
    assert row.target, "give the target explicitly (use 'none' for one-sided events)"
    _parse_target(row.target)
    assert CB.is_valid(row.cameo), f"{row.cameo!r} is not a CAMEO code"
    assert len(row.cameo) >= 3, "use the most specific code, not a two-digit root"


def test_every_root_covered() -> None:
    per_root = Counter(r.cameo[:2] for r in ROWS)
    thin = {f"{i:02d}": per_root[f"{i:02d}"] for i in range(1, 21)}
    thin = {root: n for root, n in thin.items() if n < MIN_ROWS_PER_ROOT}
    assert thin == {}, f"roots with fewer than {MIN_ROWS_PER_ROOT} rows: {thin}"


def test_broad_three_digit_coverage() -> None:
    covered = {r.cameo[:3] for r in ROWS}
    three_digit = {c for c in CB.codes() if len(c) == 3}
    # Some codes have no wording that a head-word lexicon can tell apart (e.g. 142 hunger
    # strike: "hunger" is a compound modifier of the head "strike").
    assert len(covered & three_digit) / len(three_digit) >= 0.85, sorted(three_digit - covered)


def test_no_duplicate_frames() -> None:
    # Two rows with the same head and the same constraints: which one wins is arbitrary.
    frames: dict[tuple[str, str, frozenset[str]], list[str]] = defaultdict(list)
    for r in ROWS:
        frames[(r.lemma, r.pos, frozenset(r.requires.split()))].append(r.id)
    assert [ids for ids in frames.values() if len(ids) > 1] == []


def test_light_verbs_need_a_frame() -> None:
    bare = sorted(
        r.id
        for r in ROWS
        if r.pos == "VERB" and r.lemma in SEMANTICALLY_LIGHT_VERBS and not r.requires
    )
    assert bare == [], "light verbs must name their object or particle"


def test_bare_say_is_not_a_trigger() -> None:
    # Reporting verbs introduce other events; coding them would double every report.
    assert not any(r.lemma in {"say", "tell"} and not r.requires for r in ROWS)


@pytest.mark.parametrize(
    ("lemma", "pos", "code"),
    [
        ("meet", "VERB", "040"),
        ("visit", "VERB", "042"),
        ("talk", "NOUN", "040"),
        ("agreement", "NOUN", "057"),
        ("sanction", "NOUN", "163"),
        ("ceasefire", "NOUN", "0871"),
        ("arrest", "VERB", "173"),
        ("protest", "NOUN", "141"),
        ("airstrike", "NOUN", "195"),
        ("condemn", "VERB", "111"),
        ("accuse", "VERB", "112"),
        ("threaten", "VERB", "130"),
        ("massacre", "NOUN", "202"),
    ],
)
def test_core_triggers_present(lemma: str, pos: str, code: str) -> None:
    bare = [r for r in ROWS if r.lemma == lemma and r.pos == pos and not r.requires]
    assert [r.cameo for r in bare] == [code]


def test_parsers_reject_bad_syntax() -> None:
    for bad in ["obj", "obj=", "object=talk", "obj=Talks", "obj=talk|talk", "neg neg"]:
        with pytest.raises(ValueError):
            _parse_requires(bad)
    for bad in ["prep:", "with", "prep:with|prep:with", "prep:With", "subject"]:
        with pytest.raises(ValueError):
            _parse_target(bad)
    assert _parse_requires("prt=out obj=attack|strike neg") == {
        "prt": ["out"],
        "obj": ["attack", "strike"],
        "neg": [],
    }
    assert _parse_target("prep:with|between|none") == ["prep:with", "between", "none"]


def test_loads_without_warnings_in_the_coder() -> None:
    lexicon_mod = pytest.importorskip("dateline.events.lexicon")
    lexicon = lexicon_mod.load_lexicon(valid_codes=CB.codes())
    assert lexicon.warnings == []
    assert len(lexicon.rules) == len(ROWS)
