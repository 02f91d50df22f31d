"""User dictionaries: TABARI/PETRARCH import, TSV extensions, malformed lines."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from dateline.actors import ActorResolver, load_kb

ACTORS = """\
# a small user dictionary
GOLLUM  # pas 27 Apr 03
+SMEAGOL
\t[HOB < 950601]
\t[HOBGOV 19950601 - 19990815]
\t[HOBREB > 990816]
ZHAMBYL_REGION_AKIMAT_ [KAZGOV]
BROKEN_ENTRY [KAZGOV 2004017-20061201]
NO_CODE_ENTRY
+ORPHAN_SYNONYM_LOOKING_LINE [KAZ
ASTANA_HUB_ [KAZBUS]
ARGENTIN [ARG]
"""

AGENTS = """\
!PERSON! = MAN, MEN, WOMAN, WOMEN
CATTLE!PERSON! [~AGR]
CUSTOMS_OFFICER [~COP]
BROKEN_AGENT [GOV]
TAX_COLLECTOR {TAX_COLLECTORS} [~GOV]
"""


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return path


def test_malformed_lines_are_reported_with_file_and_line_and_skipped(tmp_path: Path) -> None:
    actors = _write(tmp_path, "user.actors", ACTORS)
    kb = load_kb([actors])
    reasons = {(w.file, w.line): w.reason for w in kb.warnings}
    assert (str(actors), 8) in reasons and "bad date" in reasons[(str(actors), 8)]
    assert (str(actors), 10) in reasons and "unbalanced" in reasons[(str(actors), 10)]
    assert any(w.line == 9 and "no code" in w.reason for w in kb.warnings)
    # loading went on past the bad lines
    hub = kb.lookup("Astana Hub")
    assert hub and hub[0].code == "KAZBUS"
    assert not kb.lookup("Broken Entry") or all(
        e.code != "KAZGOV" for e in kb.lookup("Broken Entry")
    )
    assert load_kb().warnings == []  # the shared knowledge base is untouched


def test_dated_codes_and_synonyms(tmp_path: Path) -> None:
    kb = load_kb([_write(tmp_path, "user.actors", ACTORS)])
    gollum = kb.lookup("Smeagol")[0]
    assert gollum is kb.lookup("Gollum")[0]
    assert gollum.dated_code(dt.date(1990, 1, 1)).code == "HOB"  # type: ignore[union-attr]
    assert gollum.dated_code(dt.date(1997, 1, 1)).code == "HOBGOV"  # type: ignore[union-attr]
    assert gollum.dated_code(dt.date(2005, 1, 1)).code == "HOBREB"  # type: ignore[union-attr]
    assert kb.lookup("Zhambyl Region Akimat")[0].country == "KAZ"


def test_stems_and_agents_code_text(tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    kb = load_kb([_write(tmp_path, "u.actors", ACTORS), _write(tmp_path, "u.agents", AGENTS)])
    assert [w for w in kb.warnings if w.file.endswith("u.agents")][0].line == 4
    resolver = ActorResolver(kb)
    doc = nlp("Argentine cattlemen blocked roads while Kazakh customs officers watched.")
    actors = {m.actor.text: m.actor for m in resolver.resolve(doc)}
    assert actors["Argentine cattlemen"].code == "ARGAGR"
    assert actors["Kazakh customs officers"].code == "KAZCOP"
    assert kb.lookup("tax collectors")[0].sector == "GOV"


def test_user_tsv_extends_the_leaders(tmp_path: Path) -> None:
    leaders = _write(
        tmp_path,
        "leaders.tsv",
        "id\tname\taliases\tcode\tsector\toffice\trole\tstart\tend\n"
        "user:akim\tErmek Kenzhekhanuly\tKenzhekhanuly\tKAZ\t\tother\takim\t2022-09-01\t\n"
        "user:bad\tBad Row\tBad\tKAZ\t\tother\takim\tsoon\t\n"
        "user:short\tonly three\tcells\n",
    )
    kb = load_kb([leaders])
    assert [(w.line, "ISO date" in w.reason or "cells" in w.reason) for w in kb.warnings] == [
        (3, True),
        (4, True),
    ]
    assert "user:akim" in kb.persons


def test_unreadable_and_unknown_files_are_warnings(tmp_path: Path) -> None:
    odd = _write(tmp_path, "odd.tsv", "what\tever\n1\t2\n")
    kb = load_kb([tmp_path / "missing.actors", odd])
    assert len(kb.warnings) == 2
    assert kb.warnings[0].file.endswith("missing.actors")
    assert "unrecognised header" in kb.warnings[1].reason


def test_petrarch_validation_dictionaries_import(shared_dir: Path) -> None:
    folder = shared_dir / "data" / "petrarch2-validation"
    kb = load_kb([folder / "PETR.Validate.actors.txt", folder / "PETR.Validate.agents.txt"])
    # the fictional test actors are there, with their dated codes
    sam = kb.lookup("Sam Gamgee")[0]
    assert sam.dated_code(dt.date(2009, 1, 1)).code == "HOBMIL"  # type: ignore[union-attr]
    assert sam.dated_code(dt.date(2014, 1, 1)).code == "HOBELI"  # type: ignore[union-attr]
    assert kb.lookup("Minas Tirith")[0].code == "GON"
    # "!MINST!_OF_SILLY_WALKS" expands the substitution set
    assert kb.lookup("ministry of silly walks")[0].sector == "GOV"
    # the malformed codes in the file are reported, not fatal
    assert {w.line for w in kb.warnings if "Validate.actors" in w.file} >= {112}


def test_phoenix_dictionaries_import(shared_dir: Path) -> None:
    folder = shared_dir / "data" / "cameo-actor-dictionaries"
    kb = load_kb([folder / "Phoenix.International.actors.txt"])
    imported = [e for e in kb.lookup("Kofi Annan") if e.type == "dict"]
    assert imported[0].dated_code(dt.date(2000, 1, 1)).code == "IGOUNO"  # type: ignore[union-attr]
    assert imported[0].dated_code(dt.date(2010, 1, 1)).code == "ELI"  # type: ignore[union-attr]
    assert all(w.line > 0 for w in kb.warnings)


def test_a_dictionary_name_outranks_the_built_in_entry(tmp_path: Path) -> None:
    # The user's dictionary decides what its names denote: "New Zealand" is coded as the
    # dictionary codes it, not as the shipped knowledge base does.
    kb = load_kb([_write(tmp_path, "u.actors", "NEW_ZEALAND [NZE]\n")])
    entries = kb.lookup("New Zealand")
    assert entries[0].code == "NZE"
    assert any(e.code != "NZE" for e in entries[1:])  # the built-in entry is still there
    assert load_kb().lookup("New Zealand")[0].code != "NZE"
