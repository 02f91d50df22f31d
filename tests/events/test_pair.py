"""Pair mode: which act links two given actors when a sentence has several triggers, and the
vocabulary that pair mode relies on. Each test states what must and what must not come out."""

from __future__ import annotations

from dateline.model import Article, Event
from dateline.pipeline import Pipeline, classify_pair


def _pair(pipe: Pipeline, text: str, source: str, target: str | None = None) -> str | None:
    """The CAMEO code pair mode gives ``source`` towards ``target`` (substrings of ``text``)."""
    s = text.index(source)
    span = None
    if target is not None:
        t = text.index(target)
        span = (t, t + len(target))
    result = classify_pair(pipe, text, (s, s + len(source)), span)
    return result.cameo.code if result.cameo else None


def _codes(pipe: Pipeline, text: str) -> set[str]:
    events: list[Event] = pipe.code(Article(body=text, language="en")).events
    return {e.cameo.code for e in events if not e.negated}


# -- choosing the act ---------------------------------------------------------------------------
def test_purpose_clause_explains_the_main_act(pipe: Pipeline) -> None:
    # The hunger strike is the act; "to protest" only gives its purpose.
    text = "A senior lawmaker began a hunger strike on Monday to protest the president's decree."
    code = _pair(pipe, text, "the president")
    assert code is not None and code.startswith("142")
    assert code != "141"


def test_intended_act_governs_its_purpose_clause(pipe: Pipeline) -> None:
    # "willing to send supplies to help rebuild": an offer of aid, not the rebuilding.
    text = "Japan is willing to send relief materials to help rebuild Haiti after the storm."
    code = _pair(pipe, text, "Japan", "Haiti")
    assert code is not None and code.startswith("033")


def test_statement_is_the_medium_of_its_demand(pipe: Pipeline) -> None:
    text = (
        "The opposition party issued a statement demanding that the government release the "
        "detained journalists."
    )
    code = _pair(pipe, text, "The opposition party", "the government")
    assert code is not None and code.startswith("10")
    assert code != "010"


def test_what_was_done_to_the_source_yields_to_its_own_act(pipe: Pipeline) -> None:
    text = "The governor was charged by prosecutors with fraud and will resign next month."
    code = _pair(pipe, text, "The governor")
    assert code is not None and not code.startswith("11")  # the charge is the prosecutors'


def test_passive_act_with_the_other_actor_as_agent_still_counts(pipe: Pipeline) -> None:
    text = "Syrian villages were shelled by Turkish troops and dozens of people fled."
    code = _pair(pipe, text, "Syrian villages", "Turkish troops")
    assert code is not None and code[:2] in {"18", "19"}


def test_stance_of_a_passive_form_is_the_sources_own(pipe: Pipeline) -> None:
    # "is opposed to": no one else acted on Turkey; the opposition is its own.
    text = "Turkey is opposed to Russian mediation in the talks with Armenia."
    code = _pair(pipe, text, "Turkey")
    assert code is not None and code.startswith("12")


def test_participle_describing_a_place_is_no_act(pipe: Pipeline) -> None:
    text = "Red Cross helicopters evacuated the wounded from the besieged town of Srebrenica."
    code = _pair(pipe, text, "Red Cross", "town of Srebrenica")
    assert code == "073"  # evacuating the wounded is humanitarian aid
    assert code != "191"  # "besieged" describes the town


def test_reported_obligation_is_the_speakers_demand(pipe: Pipeline) -> None:
    text = (
        "Jordan's king said on Monday that Israel must be ready to negotiate with the Palestinians."
    )
    code = _pair(pipe, text, "Jordan's king", "Israel")
    assert code is not None and code.startswith("10")
    # What the speaker reports as done is still no demand.
    reported = _pair(
        pipe,
        "Jordan's king said Israel negotiated with the Palestinians.",
        "Jordan's king",
        "Israel",
    )
    assert reported is None or not reported.startswith("10")


# -- vocabulary -----------------------------------------------------------------------------------
def test_allowing_movement_or_participation_eases_restrictions(pipe: Pipeline) -> None:
    text = "The minister allowed the opposition leader to hold a rally in the capital."
    assert _pair(pipe, text, "The minister", "the opposition leader") == "081"
    # Intended: an expression of intent to ease restrictions.
    text = "Sudan will allow thousands of refugees to return home under a peace accord."
    assert _pair(pipe, text, "Sudan", "refugees") == "0351"


def test_allowing_is_not_every_cause_or_a_refusal(pipe: Pipeline) -> None:
    assert "081" not in _codes(pipe, "Russia said the deal allows Iran to make more money.")
    assert "081" not in _codes(pipe, "Egypt does not allow Sudanese refugees to return.")


def test_postponing_a_protest_eases_dissent(pipe: Pipeline) -> None:
    text = "Opposition leaders agreed to postpone the protest in the capital until next week."
    code = _pair(pipe, text, "Opposition leaders")
    assert code == "0352"  # intent to ease dissent
    assert code != "133"  # postponing is not threatening to protest


def test_joint_exercises_are_military_cooperation(pipe: Pipeline) -> None:
    text = "Pakistan and China held joint military exercises near the border."
    assert _pair(pipe, text, "Pakistan", "China") == "062"
    text = "Chinese and Russian warships began joint exercises in the Sea of Japan."
    assert _pair(pipe, text, "Chinese") == "062"
    # Drills of one side alone are a show of force.
    text = "North Korea launched military drills near the border with South Korea."
    assert _pair(pipe, text, "North Korea", "South Korea") == "150"


def test_exercises_of_coordinated_parties_are_joint(pipe: Pipeline) -> None:
    text = "Greek and Turkish warships on Friday began war games in the Aegean Sea."
    assert _pair(pipe, text, "Turkish warships") == "062"
    # One party's war games stay a show of force.
    assert (
        _pair(pipe, "Greek warships on Friday began war games in the Aegean Sea.", "Greek") == "150"
    )
    # Coordinated parties testing missiles do not exercise together.
    assert _pair(pipe, "India and Pakistan tested missiles on Friday.", "Pakistan") == "150"


def test_verb_says_what_was_done_with_the_act_its_object_names(pipe: Pipeline) -> None:
    # Only the place is given: the act is still the postponing, not a threatened protest.
    text = "Opposition leaders agreed to postpone the protest in Minsk until next week."
    assert _pair(pipe, text, "Minsk") == "0352"


def test_refusing_to_answer_a_demand_rejects_it(pipe: Pipeline) -> None:
    text = (
        "The Iranian president refused to respond to a demand from the French government to "
        "free the detained aid workers."
    )
    code = _pair(pipe, text, "The Iranian president", "the French government")
    assert code is not None and code.startswith("12")
    # Refusing to answer reporters is only declining comment.
    text = "The Iranian president refused to respond to questions from reporters."
    assert _pair(pipe, text, "The Iranian president") == "011"


def test_joint_exercises_counted_in_days(pipe: Pipeline) -> None:
    text = "Greek and Turkish warships on Friday launched five days of war games near Crete."
    assert _pair(pipe, text, "Turkish warships") == "062"


def test_stance_adjunct_is_the_manner_of_the_act(pipe: Pipeline) -> None:
    text = "Thousands of farmers blocked roads in Seoul in defiance of the government on Monday."
    code = _pair(pipe, text, "the government")
    assert code is not None and code.startswith("14")  # the blockade is the protest
    assert not code.startswith("12")  # defiance is how they blocked, not a separate rejection


# -- background acts and the other actor's own acts ---------------------------------------------
def test_a_participle_after_its_noun_is_background(pipe: Pipeline) -> None:
    # "imposed on Iran" only says which sanctions; Russia's act is the condemnation.
    text = "The sanctions imposed on Iran were condemned by Russia."
    assert _pair(pipe, text, "Russia", "Iran") == "111"


def test_a_participle_with_the_source_as_agent_is_its_act(pipe: Pipeline) -> None:
    text = "The sanctions imposed on Iran by the United States were condemned by Russia."
    assert _pair(pipe, text, "the United States", "Iran") == "163"


def test_the_other_actors_own_act_yields_to_the_sources(pipe: Pipeline) -> None:
    # The inspectors investigated; the takeover is the militia's, only reported.
    text = (
        "The inspectors completed their investigation into reports that the militia had "
        "taken over the port of Buchanan."
    )
    code = _pair(pipe, text, "The inspectors", "the militia")
    assert code is not None and code.startswith("09")
    assert _pair(pipe, text, "the militia", "Buchanan") == "192"


# -- vocabulary: ceasefire agreements, court orders ---------------------------------------------
def test_violating_a_ceasefire_agreement_violates_the_ceasefire(pipe: Pipeline) -> None:
    codes = _codes(pipe, "Rebel forces violated the ceasefire agreement with the Sudanese army.")
    assert "196" in codes
    assert "128" not in codes
    # Any other agreement broken is a norm violated, not fighting.
    codes = _codes(pipe, "The company violated the trade agreement with Mexico.")
    assert "196" not in codes


def test_ordering_someone_to_appear_in_court_is_a_demand(pipe: Pipeline) -> None:
    text = "A Kenyan judge ordered the former minister to appear in court over the arms deal."
    assert _pair(pipe, text, "A Kenyan judge", "the former minister") == "100"
