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


COMBINE_ACTORS = """\
NORTHMARCH [NMC]
VALDERIA [VAL]
ORLAN_VESK_ [NMC]
THE_TWIN_REALMS_ [TWA/TWB]
BAD_SEVERAL_ [AAA/BBB 990101-991231]
"""

COMBINE_AGENTS = """\
!DEPT! = DEPARTMENT, DEPARTMENTS
CHANCELLOR [~GOV]
TRADE_MINISTER [~GOVTRD]
!DEPT!_OF_PUBLIC_WORKS [~GOV]
RELIEF_CORPS {} [NGO~]
"""


def _combine_kb(tmp_path: Path):  # type: ignore[no-untyped-def]
    return load_kb(
        [
            _write(tmp_path, "c.actors", COMBINE_ACTORS),
            _write(tmp_path, "c.agents", COMBINE_AGENTS),
        ]
    )


def test_a_slashed_code_is_several_actors(tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    kb = _combine_kb(tmp_path)
    # a dated code cannot be several actors: reported, not guessed
    assert any(w.line == 5 and "several" in w.reason for w in kb.warnings)
    twins = kb.lookup("the twin realms")[0]
    assert [c.code for c in twins.codes] == ["TWA", "TWB"]
    doc = nlp("The Twin Realms signed a treaty with Valderia on Monday.")
    mentions = ActorResolver(kb).resolve(doc)
    group = next(m for m in mentions if m.actor.text == "The Twin Realms")
    assert sorted(a.code or "" for a in group.members) == ["TWA", "TWB"]
    assert group.actor.code is None  # the group is no single actor
    # a coordination with such a name holds every one of its actors
    doc = nlp("Northmarch and the Twin Realms signed a treaty with Valderia.")
    mentions = ActorResolver(kb).resolve(doc)
    first = mentions[0]
    assert sorted(a.code or "" for a in first.members) == ["NMC", "TWA", "TWB"]
    assert all(m.actor.code != "TWATWB" for m in mentions)


def test_imported_agents_combine_with_the_actor(tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    resolver = ActorResolver(_combine_kb(tmp_path))

    def codes(text: str) -> dict[str, str | None]:
        return {m.actor.text: m.actor.code for m in resolver.resolve(nlp(text))}

    # an agent title before a dictionary person: the person's code with the agent's
    got = codes("Northmarch Chancellor Orlan Vesk arrived in Valderia on Monday.")
    assert got.get("Northmarch Chancellor Orlan Vesk") == "NMCGOV"
    assert "NMC" not in got.values()
    # an agent code longer than a sector is kept whole
    got = codes("Valderia's trade minister met envoys on Monday.")
    assert got.get("Valderia's trade minister") == "VALGOVTRD"
    # a multi-word agent through "of" is one actor with the country before it
    got = codes("The Valderia Department of Public Works condemned the attack.")
    assert got.get("The Valderia Department of Public Works") == "VALGOV"
    assert "VAL" not in got.values()
    # a prefix agent goes before the actor's code
    got = codes("Relief Corps Valderia reached Northmarch on Monday.")
    assert got.get("Relief Corps Valderia") == "NGOVAL"
    assert got.get("Northmarch") == "NMC"  # and nothing else
    # "former" before an agent codes an elite, not the office
    got = codes("Northmarch former chancellors met in Valderia.")
    assert got.get("Northmarch former chancellors") == "NMCELI"


def test_without_imported_agents_titles_code_as_before(nlp) -> None:  # type: ignore[no-untyped-def]
    # the built-in knowledge base has no imported agents: nothing above changes it
    resolver = ActorResolver(load_kb())
    got = {
        m.actor.text: m.actor.code
        for m in resolver.resolve(nlp("French President Emmanuel Macron met German officials."))
    }
    assert "FRAGOV" in got.values()
    assert all(c is None or "~" not in c for c in got.values())
