"""Acts that are not a plain verb with an object: requests, meetings named by a noun in a
circumstance of the clause, planned travel, praise, economic measures, bills aimed at a
country, support and protest as nouns, and verbs of criticism and rejection. Sentences
written for dateline."""

from __future__ import annotations

import pytest

from dateline.model import Article, Event
from dateline.pipeline import Pipeline


def code(pipe: Pipeline, text: str) -> list[Event]:
    return pipe.code(Article(body=text, language="en", published="2025-03-10")).events


def has(events: list[Event], source: str, target: str | None, plover: str) -> bool:
    return any(
        e.source.country == source
        and (e.target.country if e.target else None) == target
        and e.plover.event == plover
        for e in events
    )


@pytest.mark.parametrize(
    ("text", "source", "target", "plover"),
    [
        ("Chile appealed to Bolivia to free the detained truckers.", "CHL", "BOL", "REQUEST"),
        ("Norway pressed Iceland to lift the fishing quota.", "NOR", "ISL", "REQUEST"),
        ("Ghana's president praised Togo for its border patrols.", "GHA", "TGO", "SUPPORT"),
        ("Peru slapped duties on Chilean copper.", "PER", "CHL", "SANCTION"),
        ("Canada announced countermeasures against Mexican tariffs.", "CAN", "MEX", "SANCTION"),
        ("The Polish parliament approved a bill aimed at Belarus.", "POL", "BLR", "SANCTION"),
        ("Protesters rallied outside Iran's embassy in Berlin.", "DEU", "IRN", "PROTEST"),
        ("The Thai premier branded Cambodia's policy reckless.", "THA", "KHM", "ACCUSE"),
        ("Hanoi brushed off China's claims as baseless.", "VNM", "CHN", "REJECT"),
        ("Manila cautioned that Beijing's drills are destabilising.", "PHL", "CHN", "ACCUSE"),
    ],
)
def test_frames_code_their_act(
    pipe: Pipeline, text: str, source: str, target: str, plover: str
) -> None:
    assert has(code(pipe, text), source, target, plover)


def test_a_meeting_before_the_clause_is_the_subjects_consultation(pipe: Pipeline) -> None:
    events = code(pipe, "Following talks with Uganda, Rwanda agreed to reopen the border.")
    assert has(events, "RWA", "UGA", "CONSULT")


def test_support_named_by_a_noun_is_the_subjects(pipe: Pipeline) -> None:
    events = code(pipe, "Lithuanian students marched in solidarity with Georgia.")
    assert has(events, "LTU", "GEO", "SUPPORT")


def test_talks_the_subject_only_agreed_mediation_in_are_not_its_consultation(
    pipe: Pipeline,
) -> None:
    events = code(pipe, "Armenia agreed to Russian mediation in the talks with Azerbaijan.")
    assert not has(events, "ARM", "AZE", "CONSULT")


def test_an_attack_before_the_clause_is_not_the_subjects(pipe: Pipeline) -> None:
    events = code(pipe, "After an attack on Israel, Jordan said it would close its airspace.")
    assert not any(e.source.country == "JOR" and e.cameo.root == "19" for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "Kenyan President William Ruto is set to travel to Ethiopia next week.",
        "Kenyan President William Ruto is due to visit Ethiopia on Friday.",
    ],
)
def test_scheduled_travel_is_a_stated_intent(pipe: Pipeline, text: str) -> None:
    events = code(pipe, text)
    assert has(events, "KEN", "ETH", "AGREE")
    assert not has(events, "KEN", "ETH", "CONSULT")


def test_travel_that_happened_stays_a_visit(pipe: Pipeline) -> None:
    events = code(pipe, "Kenyan President William Ruto travelled to Ethiopia on Friday.")
    assert has(events, "KEN", "ETH", "CONSULT")


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("The Chilean minister called Peru's comments egregious and insulting.", "CHL", "PER"),
        ("The Ghanaian spokesman described Togo's plan as a disaster.", "GHA", "TGO"),
        ("Seoul labelled Pyongyang's launch a provocation.", "KOR", "PRK"),
    ],
)
def test_naming_something_in_words_of_condemnation_is_criticism(
    pipe: Pipeline, text: str, source: str, target: str
) -> None:
    assert has(code(pipe, text), source, target, "ACCUSE")


def test_naming_something_in_neutral_words_is_no_criticism(pipe: Pipeline) -> None:
    events = code(pipe, "The Chilean minister called Peru's offer a first step.")
    assert not any(e.plover.event == "ACCUSE" for e in events)


def test_calling_someone_on_a_weekday_is_a_call_not_an_appeal(pipe: Pipeline) -> None:
    events = code(pipe, "The Kenyan president called his Ugandan counterpart on Monday.")
    assert has(events, "KEN", "UGA", "CONSULT")
    assert not any(e.plover.event == "REQUEST" for e in events)


def test_press_freedom_groups_are_non_governmental_sources(pipe: Pipeline) -> None:
    events = code(
        pipe, "Press freedom groups urged the Kenyan government to free the detained reporter."
    )
    assert any(
        (e.source.code or "").startswith("NGO") and e.plover.event == "REQUEST" for e in events
    )


@pytest.mark.parametrize(
    "text",
    [
        "Japan's foreign minister led talks with Vietnamese officials in Hanoi.",
        "Japan's foreign minister chaired talks with Vietnamese officials in Hanoi.",
        "Japan's foreign minister held two rounds of talks with Vietnamese officials.",
        "Japan's foreign minister led six hours of talks with Vietnamese officials.",
    ],
)
def test_talks_led_chaired_or_measured_out_are_the_subjects_consultation(
    pipe: Pipeline, text: str
) -> None:
    assert has(code(pipe, text), "JPN", "VNM", "CONSULT")


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("Manila warned that Beijing's patrols were reckless.", "PHL", "CHN"),
        ("Seoul said Pyongyang's launch was a provocation.", "KOR", "PRK"),
    ],
)
def test_saying_that_someones_act_is_condemnable_is_criticism(
    pipe: Pipeline, text: str, source: str, target: str
) -> None:
    assert has(code(pipe, text), source, target, "ACCUSE")


def test_saying_something_of_no_ones_is_bad_is_no_accusation(pipe: Pipeline) -> None:
    events = code(pipe, "The Chilean spokesman said the storm was a disaster.")
    assert not any(e.plover.event == "ACCUSE" for e in events)


def test_news_attributed_to_a_speaker_is_no_criticism_by_them(pipe: Pipeline) -> None:
    events = code(
        pipe,
        "Peru is investigating alleged crimes by rogue police units, a Peruvian official said.",
    )
    assert not any(e.rule.startswith("v.say.condemning") for e in events)


def test_a_measure_is_aimed_where_its_relative_clause_says(pipe: Pipeline) -> None:
    # the "on" phrase hangs off the measure's relative clause, not off the lifting verb
    events = code(pipe, "Norway agreed to lift the tariffs that Oslo had imposed on Iceland.")
    assert has(events, "NOR", "ISL", "AGREE"), [(e.source.country, e.cameo.code) for e in events]
    events = code(pipe, "Norway agreed to lift the tariffs.")
    assert not [e for e in events if e.target is not None and e.target.country == "ISL"]
