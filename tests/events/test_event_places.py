"""Where an event happened: the place its own clause names before the dateline, and the
place the article has set when its sentence names none."""

from __future__ import annotations

from builders import ASTANA, Ev, make_doc
from dateline.events.places import carry_places
from dateline.ingest import article_from_text
from dateline.model import Event, Location
from dateline.pipeline import Pipeline


def code(pipe: Pipeline, text: str) -> list[Event]:
    return pipe.code(article_from_text(text, published="2021-03-15")).events


def test_a_participle_takes_the_place_of_the_verb_it_extends(pipe: Pipeline) -> None:
    # The killing is where the shelling was, not at the dateline.
    events = code(
        pipe,
        "KYIV (Dateline Wire) — Russian artillery pounded villages near Kherson on Saturday, "
        "killing four civilians, regional officials said on Sunday morning.",
    )
    assert events
    for event in events:
        assert event.location is not None
        assert (event.location.name, event.location.source) == ("Kherson", "sentence")


def test_an_attacked_town_is_where_the_attack_happened(pipe: Pipeline) -> None:
    events = code(
        pipe,
        "Government troops attacked the city of Kandahar on Friday after weeks of fighting "
        "with insurgents, the Afghan defence ministry said in a statement.",
    )
    attacks = [e for e in events if e.cameo.root in {"18", "19", "20"}]
    assert attacks and attacks[0].location is not None
    assert (attacks[0].location.name, attacks[0].location.country) == ("Kandahar", "AFG")


def test_later_events_keep_the_place_the_article_set(pipe: Pipeline) -> None:
    events = code(
        pipe,
        "Pakistani police arrested six protesters on Monday. Turkish warplanes struck Kurdish "
        "militia positions near Kobani on Monday, the Syrian Observatory said. The Syrian "
        "government condemned Turkey on Tuesday for the raids.",
    )
    by_root = {e.cameo.root: e for e in events}
    assert by_root["17"].location is None  # before any place: none established yet
    assert by_root["19"].location is not None and by_root["19"].location.name == "Kobani"
    condemned = by_root["11"].location
    assert condemned is not None
    assert (condemned.name, condemned.source) == ("Kobani", "article")


def test_carry_places_needs_a_named_place_with_a_country() -> None:
    unnamed = Location("Somewhere", None, source="sentence")
    almaty = Location("Almaty", "KAZ", 43.2, 76.9, "sentence")
    doc = make_doc(
        [
            Ev("KAZ", "CHN", "040", "2018-11-09", location=None),
            Ev("KAZ", "CHN", "040", "2018-11-09", location=unnamed),
            Ev("KAZ", "CHN", "057", "2018-11-09", location=None),
            Ev("KAZ", "CHN", "040", "2018-11-09", location=ASTANA),  # a dateline: not carried
            Ev("KAZ", "CHN", "061", "2018-11-09", location=None),
            Ev("KAZ", "CHN", "040", "2018-11-09", location=almaty),
            Ev("KAZ", "CHN", "042", "2018-11-09", location=None),
        ]
    )
    carry_places(doc.events)
    got = [(e.location.name, e.location.source) if e.location else None for e in doc.events]
    assert got == [
        None,
        ("Somewhere", "sentence"),
        None,
        ("Astana", "dateline"),
        None,
        ("Almaty", "sentence"),
        ("Almaty", "article"),
    ]


def test_no_place_is_carried_into_a_sentence_that_names_another_country() -> None:
    almaty = Location("Almaty", "KAZ", 43.2, 76.9, "sentence")
    doc = make_doc(
        [
            Ev("KAZ", "CHN", "040", "2018-11-09", location=almaty),
            Ev("KAZ", "CHN", "057", "2018-11-09", location=None),
            Ev("KAZ", "CHN", "061", "2018-11-09", location=None),
        ]
    )
    second, third = doc.events[1], doc.events[2]
    # The second sentence names a place in China; the third names a place in Kazakhstan and
    # one in China that is the event's own target.
    named = [
        (second.sentence.end - 3, second.sentence.end - 1, "CHN"),
        (third.sentence.end - 3, third.sentence.end - 1, "KAZ"),
        (third.target.start, third.target.end, "CHN") if third.target else (0, 0, "CHN"),
    ]
    carry_places(doc.events, named)
    assert second.location is None
    assert third.location is not None and third.location.source == "article"


def test_no_place_is_carried_into_an_event_of_other_parties() -> None:
    almaty = Location("Almaty", "KAZ", 43.2, 76.9, "sentence")
    doc = make_doc(
        [
            Ev("KAZ", "CHN", "040", "2018-11-09", location=almaty),
            Ev("RUS", "UKR", "111", "2018-11-09", location=None),  # neither is Kazakh
            Ev("CHN", "KAZ", "057", "2018-11-09", location=None),
        ]
    )
    carry_places(doc.events)
    assert doc.events[1].location is None
    assert doc.events[2].location is not None and doc.events[2].location.name == "Almaty"


def test_on_before_a_country_names_a_target_not_a_place(pipe: Pipeline) -> None:
    events = code(
        pipe,
        "The European Union imposed new sanctions on Belarus on Monday over the crackdown on "
        "opposition activists, freezing the assets of officials.",
    )
    sanctions = [e for e in events if e.cameo.root == "16"]
    assert sanctions and all(e.location is None for e in sanctions)
    heights = code(
        pipe,
        "Israeli jets struck Syrian army positions on the Golan Heights on Sunday, the Israeli "
        "military said in a statement released on Monday.",
    )
    strikes = [e for e in heights if e.cameo.root in {"18", "19", "20"}]
    assert strikes and strikes[0].location is not None
    assert strikes[0].location.name == "Golan Heights"
    shelling = code(
        pipe,
        "Russian forces launched a missile attack on Kharkiv on Sunday night, damaging a "
        "power plant, the regional governor said.",
    )
    attacks = [e for e in shelling if e.cameo.root in {"18", "19", "20"}]
    assert attacks and all(e.location is not None for e in attacks)
    assert {e.location.name for e in attacks if e.location} == {"Kharkiv"}
