"""Dates the parser hangs from a participle next to the act (events/_dating.py): one
describing what the act was done to, one adjunct of the act. Sentences written for
dateline."""

from __future__ import annotations

from dateline.model import Article, Event
from dateline.pipeline import Pipeline


def code(pipe: Pipeline, text: str) -> list[Event]:
    return pipe.code(Article(body=text, language="en", published="2025-03-14")).events


def dates(events: list[Event], plover: str) -> set[tuple[str | None, str]]:
    return {(e.date, e.date_precision) for e in events if e.plover.event == plover}


def test_a_date_in_a_participle_adjunct_dates_the_act(pipe: Pipeline) -> None:
    events = code(
        pipe,
        "Serbian President Aleksandar Vucic rejected the EU plan, telling reporters in "
        "Belgrade on Wednesday that it was unfair.",
    )
    assert dates(events, "REJECT") == {("2025-03-12", "day")}


def test_a_date_of_a_participle_describing_the_target_dates_the_attack(pipe: Pipeline) -> None:
    events = code(pipe, "Gunmen attacked a convoy escorting Nigerian soldiers on Tuesday.")
    assert dates(events, "ASSAULT") == {("2025-03-11", "day")}


def test_a_date_of_a_relative_clause_stays_its_own(pipe: Pipeline) -> None:
    events = code(
        pipe,
        "Nigerian soldiers attacked the militants who had kidnapped the students on Tuesday.",
    )
    assert ("2025-03-11", "day") not in dates(events, "ASSAULT")
