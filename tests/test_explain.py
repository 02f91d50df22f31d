"""``dateline.explain``: why each sentence gave the events it gave."""

from __future__ import annotations

import pytest

from dateline.explain import CODED, VETOED, Explanation, explain_article, explain_text
from dateline.model import Article
from dateline.pipeline import Pipeline

PUBLISHED = "2024-06-17"  # a Monday

# Three sentences written for these tests: a visit of two named leaders, a pronoun that
# refers back to the first of them, and a journey of private people that is no state visit.
STORY = (
    "Chinese President Xi Jinping met Kazakh President Kassym-Jomart Tokayev in Astana on "
    "Sunday. He later criticized Japan over its fishing policy. "
    "Tourists from Germany visited Egypt last week."
)


@pytest.fixture(scope="module")
def story(pipe: Pipeline) -> Explanation:
    return explain_text(STORY, published=PUBLISHED, pipeline=pipe)


def test_every_sentence_is_explained(story: Explanation) -> None:
    assert [s.index for s in story.sentences] == [0, 1, 2]
    assert story.sentences[2].text == "Tourists from Germany visited Egypt last week."


def test_a_coded_event_shows_its_actors_rules_and_candidate(story: Explanation) -> None:
    first = story.sentences[0]
    actors = {a.text: a for a in first.actors}
    assert actors["Chinese President Xi Jinping"].code == "CHNGOV"
    assert actors["Chinese President Xi Jinping"].rule  # the rule that coded it is named
    meeting = next(c for c in first.candidates if c.trigger == "met")
    assert meeting.outcome == CODED
    assert meeting.cameo.startswith("04")
    [event] = [e for e in first.events if e.trigger == "met"]
    assert (event.source.code, event.target and event.target.code) == ("CHNGOV", "KAZGOV")
    assert event.rule == meeting.rule
    # the date and place rules applied
    assert (event.date, event.date_rule, event.date_text) == ("2024-06-16", "sentence", "Sunday")
    assert (event.place, event.place_rule) == ("Astana", "sentence")


def test_an_actor_from_an_earlier_sentence_names_that_sentence(story: Explanation) -> None:
    second = story.sentences[1]
    he = next(a for a in second.actors if a.text == "He")
    assert he.code == "CHNGOV"
    assert (he.refers_to, he.refers_to_sentence) == ("Chinese President Xi Jinping", 0)
    [event] = [e for e in second.events if e.trigger == "criticized"]
    assert event.source.code == "CHNGOV" and event.target and event.target.code == "JPN"


def test_a_vetoed_candidate_names_the_check(story: Explanation) -> None:
    third = story.sentences[2]
    visit = next(c for c in third.candidates if c.trigger == "visited")
    assert visit.outcome == VETOED
    assert visit.checks == ["private_traveller"]
    [check] = [c for c in third.checks if c.trigger == "visited"]
    assert (check.check, check.effect, check.rule) == ("private_traveller", "vetoed", visit.rule)
    assert check.detail.endswith("-> EGY")
    assert third.events == []


def test_a_commentators_opinion_is_vetoed_by_name(pipe: Pipeline) -> None:
    explanation = explain_text("Analysts praised Russia.", pipeline=pipe)
    [sentence] = explanation.sentences
    [praise] = sentence.candidates
    assert (praise.outcome, praise.checks) == (VETOED, ["commentators_only"])


def test_a_mood_that_recodes_the_act_is_shown(pipe: Pipeline) -> None:
    explanation = explain_text("Kazakhstan will provide aid to Kyrgyzstan.", pipeline=pipe)
    [event] = explanation.sentences[0].events
    assert event.mood is not None and event.mood.endswith("(intent)")
    assert event.cameo.startswith("03")
    assert any(c.check == "mood" and c.effect == "changed" for c in explanation.sentences[0].checks)


def test_the_events_are_those_of_dateline_code(pipe: Pipeline) -> None:
    article = Article(body=STORY, language="en", published=PUBLISHED)
    coded = pipe.code(article).events
    explained = [e for s in explain_article(article, pipeline=pipe).sentences for e in s.events]
    assert [e.id for e in explained] == [e.id for e in coded]
    assert [(e.rule, e.date, e.confidence) for e in explained] == [
        (e.rule, e.date, e.confidence) for e in coded
    ]


def test_to_dict_is_json(story: Explanation) -> None:
    import json

    data = json.loads(json.dumps(story.to_dict()))
    assert data["sentences"][2]["candidates"][0]["checks"] == ["private_traveller"]
