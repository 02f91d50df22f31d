"""The knowledge base data files and their loader."""

from __future__ import annotations

import datetime as dt
from importlib import resources

import spacy

from dateline.actors import load_kb
from dateline.actors._text import abbreviation_variant, norm, split_phrase

DATA = resources.files("dateline").joinpath("data/actors")


def test_package_files_load_without_warnings() -> None:
    kb = load_kb()
    assert kb.warnings == []
    assert load_kb() is kb  # built once per process


def test_every_entry_has_a_unique_id() -> None:
    for name in (
        "countries.tsv",
        "places.tsv",
        "institutions.tsv",
        "organisations.tsv",
        "roles.tsv",
    ):
        ids = [
            line.split("\t", 1)[0]
            for line in DATA.joinpath(name).read_text("utf-8").splitlines()[1:]
            if line.strip() and not line.startswith("#")
        ]
        assert len(ids) == len(set(ids)), name


def test_phrases_tokenise_like_spacy() -> None:
    # a knowledge-base phrase must produce the same key as the same words in a parsed text
    tokenizer = spacy.blank("en").tokenizer
    mismatches = []
    for name in ("countries.tsv", "places.tsv", "organisations.tsv", "groups.tsv", "leaders.tsv"):
        for line in DATA.joinpath(name).read_text("utf-8").splitlines()[1:]:
            for cell in line.split("\t")[1:4]:
                for phrase in cell.split("|"):
                    if not any(c.isalpha() for c in phrase) or ":" in phrase:
                        continue
                    tokens = split_phrase(phrase)
                    keys = [[norm(t) for t in tokens]]
                    variant = abbreviation_variant(tokens)
                    if variant:
                        keys.append([norm(t) for t in variant])
                    theirs = [norm(t.text) for t in tokenizer(phrase)]
                    if theirs not in keys and theirs[-1] != ".":
                        mismatches.append(phrase)
    assert mismatches == []


def test_countries_demonyms_and_metonyms() -> None:
    kb = load_kb()
    assert {e.type for e in kb.lookup("Kazakh")} == {"adjective"}
    assert kb.lookup("Kazakh")[0].country == "KAZ"
    assert kb.lookup("Kazakhs")[0].type == "people"
    assert kb.lookup("Emirati")[0].country == "ARE"
    assert kb.lookup("Ivory Coast")[0].country == "CIV"
    kremlin = kb.lookup("the Kremlin")[0]
    assert (kremlin.country, kremlin.sector) == ("RUS", "GOV")
    assert kb.lookup("Foggy Bottom")[0].country == "USA"
    assert kb.lookup("Downing Street")[0].country == "GBR"
    assert kb.capitals["KAZ"].name == "Astana"
    places = kb.gazetteer()
    shymkent = places.locate("Shymkent")
    assert shymkent is not None and shymkent.country == "KAZ"
    # Place entities often begin with the article: "in the West Bank", "in the Gaza Strip".
    for phrase in ("the West Bank", "West Bank"):
        located = places.locate(phrase)
        assert located is not None and located.country == "PSE"
    assert places.locate("the") is None


def test_organisations_follow_cameo_igo_codes() -> None:
    kb = load_kb()
    assert kb.lookup("UN")[0].code == "IGOUNO"
    assert kb.lookup("U.N.")[0].code == "IGOUNO"
    assert kb.lookup("European Union")[0].code.startswith("IGOEUR")  # type: ignore[union-attr]
    assert kb.lookup("Shanghai Cooperation Organization")[0].code.startswith("IGO")  # type: ignore[union-attr]
    assert kb.lookup("us") == kb.lookup("US")  # lookup ignores case ...
    assert kb.lookup("Amnesty International")[0].code.startswith("NGO")  # type: ignore[union-attr]


def test_leaders_are_dated() -> None:
    kb = load_kb()
    presidents_2018 = kb.leaders("KAZ", dt.date(2018, 11, 9), "hos")
    assert [p.name for p in presidents_2018] == ["Nursultan Nazarbayev"]
    presidents_2022 = kb.leaders("KAZ", dt.date(2022, 6, 1), "hos")
    assert [p.name for p in presidents_2022] == ["Kassym-Jomart Tokayev"]
    ministers = kb.leaders("KAZ", dt.date(2018, 11, 9), "fm")
    assert [p.name for p in ministers] == ["Kairat Abdrakhmanov"]
    assert [p.name for p in kb.leaders("USA", dt.date(2025, 6, 1), "fm")] == ["Marco Rubio"]
    # G20 and Central Asia have heads of state, of government and foreign ministers
    for code in ("ARG", "AUS", "BRA", "CAN", "CHN", "DEU", "FRA", "GBR", "IDN", "IND", "ITA",
                 "JPN", "KOR", "MEX", "RUS", "SAU", "TUR", "USA", "ZAF", "KAZ", "KGZ", "TJK",
                 "TKM", "UZB"):  # fmt: skip
        assert kb.leaders(code, dt.date(2024, 6, 1)), code


def test_state_successions() -> None:
    kb = load_kb()
    assert kb.country_at("SSD", dt.date(2005, 1, 1)) == "SDN"
    assert kb.country_at("SSD", dt.date(2015, 1, 1)) == "SSD"
    assert kb.country_at("KAZ", None) == "KAZ"
