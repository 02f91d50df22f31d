"""The accuser of a trial the story holds in a place but names no court for
(events/trials.py). Sentences written for dateline."""

from __future__ import annotations

import pytest

from builders import coded_events as code
from builders import dyads
from dateline.pipeline import Pipeline


@pytest.mark.parametrize(
    "text",
    [
        "A trial opened in Madrid on Tuesday over the 2019 attack on a Spanish embassy. "
        "Two Moroccan soldiers and a mercenary from Serbia stand accused of the attack.",
        "A hearing was held in Madrid on Tuesday. Weeks of testimony are expected. "
        "Two Moroccan soldiers and a mercenary from Serbia were accused of the attack.",
    ],
)
def test_accused_with_no_accuser_are_accused_by_the_venues_judiciary(
    pipe: Pipeline, text: str
) -> None:
    events = code(pipe, text)
    assert {("ESP", "MAR"), ("ESP", "SRB")} <= dyads(events, "ACCUSE")
    courts = [e.source for e in events if e.plover.event == "ACCUSE"]
    assert all(s.sector == "JUD" and "implicit.trial_venue" in (s.rule or "") for s in courts)


def test_an_international_court_named_in_the_story_is_the_accuser(pipe: Pipeline) -> None:
    text = (
        "A trial opened in The Hague on Tuesday. The International Criminal Court read the "
        "charges. Two Moroccan soldiers stand accused of the attack."
    )
    sources = {e.source.country for e in code(pipe, text) if e.plover.event == "ACCUSE"}
    assert "NLD" not in sources


def test_no_trial_no_accuser(pipe: Pipeline) -> None:
    text = "Officials met in Madrid on Tuesday. Two Moroccan soldiers stand accused of the attack."
    assert not dyads(code(pipe, text), "ACCUSE")


TRIAL_STORY = (
    "A gang member told a court in Chicago on Monday that he tried to kill a Cuban "
    "journalist. He testified at a trial in Chicago of two Peruvian men. Officials in Lima "
    "did not reply. The men have pleaded not guilty. Rights groups say the case shows how far "
    "Havana will go. The Cuban embassy did not reply to a request for comment. "
)


def test_unplaced_prosecutors_speak_for_the_judiciary_of_the_trial(pipe: Pipeline) -> None:
    text = TRIAL_STORY + "Prosecutors say the two Peruvian men hired the gunman to kill him."
    assert ("USA", "PER") in dyads(code(pipe, text), "ACCUSE")


def test_prosecutors_of_no_trial_stay_unplaced(pipe: Pipeline) -> None:
    text = (
        "Officials in Lima did not reply. Rights groups say the case shows how far Havana "
        "will go. Prosecutors say the two Peruvian men hired the gunman to kill him."
    )
    assert not {s for s, _ in dyads(code(pipe, text), "ACCUSE")} - {None}
