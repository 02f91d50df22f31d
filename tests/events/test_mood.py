"""Mood: decisions, preparations, conditional threats and stops in a mood. Each test states
what must and what must not come out."""

from __future__ import annotations

from dateline.events.mood import load_moods
from dateline.model import Article
from dateline.pipeline import Pipeline


def _codes(pipe: Pipeline, text: str) -> set[str]:
    events = pipe.code(Article(body=text, language="en")).events
    return {e.cameo.code for e in events if not e.negated}


# -- the mood table ---------------------------------------------------------------------------
def test_a_stop_in_a_mood_takes_the_mood_of_the_stopping() -> None:
    moods = load_moods()

    def code(mood: str, action: str) -> str | None:
        row = moods.lookup(mood, action)
        return row.code if row is not None else None

    assert code("stop+refuse", "1723") == "1241"  # refused to lift the curfew
    assert code("stop+intent", "163") == "0354"  # will lift sanctions
    assert code("stop+threat", "045") == "135"  # threatened to halt mediation
    assert code("stop+conditional", "045") == "135"  # may halt mediation if ...
    assert code("stop+conditional", "163") == "0354"  # will lift sanctions if ...: an offer
    assert code("stop+refuse", "045") is None  # refused to halt mediation: it goes on
    assert code("prepare", "190") == "150"  # prepared to attack
    assert code("prepare", "043") == "036"  # prepared to host talks: an intent
    assert code("intent", "190") != "150"


# -- decisions are acts -----------------------------------------------------------------------
def test_a_decision_is_the_act_it_decides(pipe: Pipeline) -> None:
    codes = _codes(pipe, "Egypt's cabinet decided to release 200 Sudanese prisoners.")
    assert "0841" in codes
    assert "0353" not in codes  # not a mere intent to release


def test_a_plan_stays_an_intent(pipe: Pipeline) -> None:
    codes = _codes(pipe, "Egypt plans to release 200 Sudanese prisoners.")
    assert "0353" in codes
    assert "0841" not in codes


# -- preparations for the use of force --------------------------------------------------------
def test_preparing_an_assault_is_a_show_of_force(pipe: Pipeline) -> None:
    codes = _codes(pipe, "Russian troops prepared to storm the town of Bakhmut.")
    assert "150" in codes
    assert not any(c.startswith("138") for c in codes)  # no threat: nothing was said


def test_being_prepared_to_use_force_stays_a_threat(pipe: Pipeline) -> None:
    codes = _codes(pipe, "Israel said its army was prepared to launch a ground offensive on Hamas.")
    assert any(c.startswith("138") for c in codes)
    assert "150" not in codes


def test_preparing_to_host_talks_is_an_intent(pipe: Pipeline) -> None:
    codes = _codes(pipe, "Turkey prepared to host talks between Russia and Ukraine.")
    assert "036" in codes
    assert "150" not in codes


# -- conditions --------------------------------------------------------------------------------
def test_a_possible_measure_under_a_condition_is_a_threat(pipe: Pipeline) -> None:
    codes = _codes(pipe, "The European Union may suspend aid to Kenya if the elections are rigged.")
    assert "1311" in codes
    assert "162" not in codes  # the aid was not suspended


def test_a_possible_measure_without_a_condition_is_no_threat(pipe: Pipeline) -> None:
    codes = _codes(pipe, "The United States might lift sanctions on Venezuela.")
    assert not any(c.startswith("13") for c in codes)


def test_halting_mediation_under_a_condition_is_a_threat(pipe: Pipeline) -> None:
    text = (
        "The African Union may end its mediation efforts between Sudan and South Sudan "
        "if the fighting resumes."
    )
    codes = _codes(pipe, text)
    assert "135" in codes
    assert "165" not in codes


def test_refusing_to_lift_a_curfew_is_a_refusal(pipe: Pipeline) -> None:
    codes = _codes(pipe, "Pakistan refused to lift the curfew in Karachi.")
    assert "1241" in codes
    assert "0813" not in codes  # the curfew was not lifted


def test_refusing_to_halt_mediation_is_no_halt(pipe: Pipeline) -> None:
    codes = _codes(pipe, "Egypt refused to suspend its mediation efforts between Israel and Hamas.")
    assert "165" not in codes


def test_not_hesitating_to_act_is_intending_it(pipe: Pipeline) -> None:
    # a hostile act under a condition is a threat; an act not held back from was done
    assert "1313" in _codes(
        pipe, "If Oslo escalates, Sweden will not hesitate to expel Norwegian diplomats."
    )
    done = pipe.code(Article(body="Ghana did not hesitate to criticize Togo.", language="en"))
    assert any(e.cameo.code.startswith("11") and not e.negated for e in done.events)


def test_a_refusal_named_by_its_noun_is_its_possessors_refusal(pipe: Pipeline) -> None:
    events = pipe.code(
        Article(body="Peru's refusal to resume talks with Chile angered Santiago.", language="en")
    ).events
    assert any(
        e.source.country == "PER" and e.plover.event == "REJECT" and not e.negated for e in events
    ), [(e.source.country, e.plover.event) for e in events]
    assert not [e for e in events if e.plover.event == "CONSULT"]


# -- acts held out, not done ------------------------------------------------------------------
def _acts(pipe: Pipeline, text: str) -> list[tuple[str, str, str | None]]:
    events = pipe.code(Article(body=text, language="en")).events
    return [(e.source.country, e.cameo.code, e.target.country) for e in events if not e.negated]


def test_hinting_at_an_act_holds_it_out_as_an_intent(pipe: Pipeline) -> None:
    acts = _acts(pipe, "Senior French diplomats hinted at easing the embargo on Venezuela.")
    assert ("FRA", "0354", "VEN") in acts, acts  # the subject would ease it: an offer
    assert not [a for a in acts if a[1].startswith("08")]  # nothing was eased yet


def test_the_conjunct_of_a_held_out_act_is_held_out_too(pipe: Pipeline) -> None:
    acts = _acts(pipe, "Canadian ministers talked about suspending or easing sanctions on Cuba.")
    assert ("CAN", "0354", "CUB") in acts, acts
    assert not [a for a in acts if a[1].startswith("08")]


def test_an_act_nobody_talked_about_is_no_intent(pipe: Pipeline) -> None:
    acts = _acts(pipe, "Chile did not talk about lifting the tariffs on Peru.")
    assert not [a for a in acts if a[1].startswith(("03", "08"))], acts
