"""Whose act a reaction answers: the author of the act or artifact an act is aimed at."""

from __future__ import annotations

import pytest

from builders import dyads
from dateline.events._authors import derives_from
from dateline.model import Article, Event
from dateline.pipeline import Pipeline


def code(pipe: Pipeline, text: str) -> list[Event]:
    return pipe.code(Article(body=text, language="en", published="2025-03-12")).events


def rules(events: list[Event], plover: str) -> list[str]:
    return [e.target.rule or "" for e in events if e.plover.event == plover and e.target]


@pytest.mark.parametrize(
    ("noun", "verb", "expected"),
    [
        ("announcement", "announce", True),
        ("proposal", "propose", True),
        ("ruling", "rule", True),
        ("offer", "offer", True),
        ("decision", "decide", True),
        ("detention", "detain", True),
        ("station", "stop", False),
        ("offer", "order", False),
    ],
)
def test_a_noun_names_the_act_of_its_verb(noun: str, verb: str, expected: bool) -> None:
    assert derives_from(noun, verb) is expected


def test_a_possessive_pronoun_is_not_the_one_reacting(pipe: Pipeline) -> None:
    events = code(
        pipe,
        "Canada said on Monday that it wanted a deal with Peru. "
        "Lima rejected its offer of a trade pact.",
    )
    assert ("PER", "CAN") in dyads(events, "REJECT")


@pytest.mark.parametrize(
    ("text", "plover", "dyad", "convention"),
    [
        # an agent in the noun's own phrase
        (
            "Vietnam firmly rejected the groundless accusations made by Cambodia.",
            "REJECT",
            ("VNM", "KHM"),
            "author.phrase",
        ),
        # the subject of the noun's content clause
        (
            "Norway welcomed the news that Colombia had agreed to a truce.",
            "SUPPORT",
            ("NOR", "COL"),
            "author.phrase",
        ),
        # the same noun made earlier by an authoring verb
        (
            "Kenya's parliament passed a resolution condemning Uganda. "
            "Uganda swiftly rejected the resolution.",
            "REJECT",
            ("UGA", "KEN"),
            "author.article",
        ),
        # the event that named the act earlier
        (
            "Argentina offered Chile new talks on fishing rights. Chile rejected the offer.",
            "REJECT",
            ("CHL", "ARG"),
            "author.article",
        ),
        # whoever the article says accused the one denying
        (
            "The government of Ghana accused Togo of harbouring rebels. Togo denied the charges.",
            "REJECT",
            ("TGO", "GHA"),
            "author.article",
        ),
        # the verb the noun derives from
        (
            "Egypt announced new tariffs on steel from Turkey. Ankara criticised the announcement.",
            "ACCUSE",
            ("TUR", "EGY"),
            "author.article",
        ),
    ],
)
def test_the_author_of_what_an_act_answers_is_its_target(
    pipe: Pipeline, text: str, plover: str, dyad: tuple[str, str], convention: str
) -> None:
    events = code(pipe, text)
    assert dyad in dyads(events, plover)
    assert any(r.endswith(convention) for r in rules(events, plover))


def test_a_target_from_the_article_is_less_sure_than_one_the_sentence_names(
    pipe: Pipeline,
) -> None:
    said = code(pipe, "Chile rejected the Argentine offer of talks.")
    told = code(pipe, "Argentina offered Chile new talks. Chile rejected the offer.")
    direct = [e.confidence for e in said if e.plover.event == "REJECT"]
    remembered = [e.confidence for e in told if e.plover.event == "REJECT"]
    assert direct and remembered
    assert max(remembered) < max(direct)


def test_a_release_is_asked_of_whoever_holds_the_person(pipe: Pipeline) -> None:
    events = code(
        pipe,
        "Police in Minsk arrested the blogger Ivan Petrov in May. "
        "Reporters Without Borders called for Petrov's immediate release.",
    )
    requests = [e for e in events if e.plover.event == "REQUEST"]
    assert requests
    assert all(e.target is not None and e.target.sector == "COP" for e in requests)


def test_the_person_released_is_not_whom_the_request_is_aimed_at(pipe: Pipeline) -> None:
    # nobody in the article holds him: no target rather than the prisoner himself
    events = code(pipe, "Amnesty International called for Ivan Petrov's immediate release.")
    assert all(e.target is None for e in events if e.plover.event == "REQUEST")


def test_an_agentless_release_is_done_by_the_holder(pipe: Pipeline) -> None:
    events = code(
        pipe,
        "Rebels in Niger abducted the Italian engineer Marco Rossi last year. "
        "Rossi was released on Tuesday.",
    )
    released = [e for e in events if e.trigger.text == "released"]
    assert released
    assert released[0].source.sector == "REB"
    assert "author.article" in (released[0].source.rule or "")


def test_no_author_is_guessed_when_the_article_names_none(pipe: Pipeline) -> None:
    events = code(pipe, "Chile rejected the resolution on Wednesday.")
    assert all(e.target is None or e.target.country != "ARG" for e in events)
    assert not any("author" in r for e in events for r in [e.target.rule if e.target else ""])


def test_a_courts_hearing_is_the_courts(pipe: Pipeline) -> None:
    events = code(
        pipe,
        "The border case went before the International Court of Justice in May, "
        "though Chile refused to attend the hearing.",
    )
    rejections = [e for e in events if e.plover.event == "REJECT"]
    assert rejections
    assert all(e.target is not None and e.target.sector == "JUD" for e in rejections)


def test_a_filing_rejected_in_the_passive_is_rejected_by_the_court(pipe: Pipeline) -> None:
    events = code(
        pipe,
        "Lawyers for the former minister took the case to Kenya's Supreme Court in June. "
        "Their appeal was rejected on Friday.",
    )
    rejections = [e for e in events if e.plover.event == "REJECT"]
    assert rejections
    assert rejections[0].source.sector == "JUD"
    assert "author.article" in (rejections[0].source.rule or "")


def test_a_joint_act_was_done_by_all_its_parties(pipe: Pipeline) -> None:
    events = code(
        pipe,
        "Armenia and Azerbaijan agreed to a ceasefire on Sunday. France welcomed the agreement.",
    )
    assert {("FRA", "ARM"), ("FRA", "AZE")} <= dyads(events, "SUPPORT")


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Former Prime Minister Boris Johnson was expelled from the Conservative Party.", "GBR"),
        ("The Russian diplomat was expelled from Estonia on Monday.", "EST"),
    ],
)
def test_whoever_one_is_expelled_from_expels(pipe: Pipeline, text: str, source: str) -> None:
    expulsions = [e for e in code(pipe, text) if e.trigger.text == "expelled"]
    assert expulsions
    assert expulsions[0].source.country == source
    assert "author.removal" in (expulsions[0].source.rule or "")
