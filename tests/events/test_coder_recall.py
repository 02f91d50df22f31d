"""Recall of the coder on constructions news uses often: a sentence the parser reads as one
noun phrase, an act the subject suffers ("came under attack from"), warnings of
consequences. Each test states what must and must not come out."""

from __future__ import annotations

import pytest

from dateline.model import Article, Event
from dateline.pipeline import Pipeline

PUBLISHED = "2019-03-04"


def code(pipe: Pipeline, text: str) -> list[Event]:
    return pipe.code(Article(body=text, language="en", published=PUBLISHED)).events


def triples(events: list[Event]) -> set[tuple[str | None, str | None, str]]:
    return {
        (e.source.country, e.target.country if e.target else None, e.cameo.code)
        for e in events
        if not e.negated
    }


# -- "Trump hosted Erdogan": the parser reads a noun phrase, the news a clause -----------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Trump hosted Erdogan on Monday.", ("USA", "TUR", "043")),
        ("Last week, Trump hosted Netanyahu at the White House.", ("USA", "ISR", "043")),
    ],
)
def test_a_sentence_misread_as_a_noun_phrase_is_a_clause(
    pipe: Pipeline, text: str, expected: tuple[str, str, str]
) -> None:
    found = triples(code(pipe, text))
    assert expected in found
    assert (expected[1], expected[0], expected[2]) not in found


def test_a_hyphenated_participle_is_still_an_adjective(pipe: Pipeline) -> None:
    # "US-backed forces": the forces are backed, the US did nothing in this sentence.
    found = triples(code(pipe, "The US-backed forces entered Raqqa on Monday."))
    assert not any(s == "USA" for s, _, _ in found)


# -- "X came under attack from Y": Y attacks X ------------------------------------------------
@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("Afghan police came under attack from Taliban fighters near Kunduz.", "AFG", "AFG"),
        ("Israeli soldiers came under a rocket attack from Hamas on Tuesday.", "PSE", "ISR"),
        ("Iraqi troops were under assault by Islamic State militants in Mosul.", None, "IRQ"),
    ],
)
def test_the_subject_suffers_the_act_it_comes_under(
    pipe: Pipeline, text: str, source: str | None, target: str
) -> None:
    events = [e for e in code(pipe, text) if e.cameo.root in {"18", "19"}]
    assert events
    assert all(e.target is not None and e.target.country == target for e in events)
    if source is not None:
        assert all(e.source.country == source for e in events)


def test_under_attack_without_its_author_is_no_attack_by_the_victim(pipe: Pipeline) -> None:
    found = triples(code(pipe, "Afghan police came under attack near Kunduz."))
    assert not any(s == "AFG" and c.startswith(("18", "19")) for s, _, c in found)


# -- "warned X of consequences": a threat, "warned of a famine": a worry -----------------------
def test_warning_of_consequences_is_a_threat(pipe: Pipeline) -> None:
    found = triples(code(pipe, "Beijing warned Tokyo of serious consequences over the visit."))
    assert ("CHN", "JPN", "130") in found
    found = triples(code(pipe, "Moscow has warned Kyiv of a firm response."))
    assert ("RUS", "UKR", "130") in found


def test_warning_of_a_disaster_is_no_threat(pipe: Pipeline) -> None:
    found = triples(code(pipe, "Kenya warned of a severe drought in the north."))
    assert not any(c.startswith("13") for _, _, c in found)


# -- "the sanctions (that) X imposed on Y": the relative clause's object is its noun -----------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The tariffs that Washington imposed on Beijing hurt farmers.", ("USA", "CHN", "163")),
        ("The loan Japan gave to Kenya paid for a railway.", ("JPN", "KEN", "071")),
        ("The talks Putin held with Erdogan lasted three hours.", ("RUS", "TUR", "040")),
    ],
)
def test_an_object_relative_clause_codes_its_noun(
    pipe: Pipeline, text: str, expected: tuple[str, str, str]
) -> None:
    found = triples(code(pipe, text))
    assert any(
        s == expected[0] and t == expected[1] and c[:2] == expected[2][:2] for s, t, c in found
    )
    assert not any(s == expected[1] and t == expected[0] for s, t, _ in found)


# -- "sent arms to help defend Y": aid for whom its purpose clause names --------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Britain sent ammunition to help defend Estonia.", ("GBR", "EST", "07")),
        ("Canada provided food to help Haiti.", ("CAN", "HTI", "07")),
        ("Qatar has given funds to help rebuild Gaza.", ("QAT", "PSE", "07")),
    ],
)
def test_aid_goes_to_whom_its_purpose_helps(
    pipe: Pipeline, text: str, expected: tuple[str, str, str]
) -> None:
    found = triples(code(pipe, text))
    assert any(
        s == expected[0] and t == expected[1] and c.startswith(expected[2]) for s, t, c in found
    )


def test_a_purpose_that_helps_no_one_names_no_recipient(pipe: Pipeline) -> None:
    # The infinitive "to help" a cause is no recipient: the aid's target stays open.
    found = triples(code(pipe, "Britain sent ammunition to Estonia to help end the war."))
    assert ("GBR", "EST", "072") in found or any(
        s == "GBR" and t == "EST" and c.startswith("07") for s, t, c in found
    )


# -- "dismissed the findings": a denial, like dismissing a report --------------------------
def test_dismissing_findings_is_a_denial(pipe: Pipeline) -> None:
    found = triples(code(pipe, "Damascus dismissed the findings of the UN panel as lies."))
    assert any(s == "SYR" and c == "016" for s, _, c in found)
    found = triples(code(pipe, "Damascus published the findings of the UN panel."))
    assert not any(c == "016" for _, _, c in found)


# -- "drills encircling X", "strikes aimed at X": a participle aims the act -------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russia held naval drills surrounding Japan.", ("RUS", "JPN", "15")),
        ("Iran fired missiles targeting Israel on Saturday.", ("IRN", "ISR", "19")),
        ("India launched air strikes aimed at Pakistan.", ("IND", "PAK", "19")),
    ],
)
def test_a_participle_aims_the_act_at_its_object(
    pipe: Pipeline, text: str, expected: tuple[str, str, str]
) -> None:
    found = triples(code(pipe, text))
    assert any(
        s == expected[0] and t == expected[1] and c.startswith(expected[2]) for s, t, c in found
    )
    assert not any(s == expected[1] and t == expected[0] for s, t, _ in found)


def test_a_participle_that_does_not_aim_names_no_target(pipe: Pipeline) -> None:
    # "drills involving X": X takes part, it is not the target of a show of force.
    found = triples(code(pipe, "Russia held naval drills involving Chinese ships."))
    assert not any(s == "RUS" and t == "CHN" and c.startswith("15") for s, t, c in found)


def test_bullying_a_country_is_coercion(pipe: Pipeline) -> None:
    found = triples(code(pipe, "Beijing keeps bullying Manila over the shoal."))
    assert ("CHN", "PHL", "170") in found
    assert not any(s == "PHL" for s, _, _ in found)


# -- "X, who was sanctioned by Y": the relative pronoun stands for X -------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Syria's defence minister, who was sanctioned by the European Union, "
            "met Iranian officials.",
            ("EUR", "SYR", "163"),
        ),
        (
            "Peru's former president, who was indicted by Peruvian prosecutors, fled to Chile.",
            ("PER", "PER", "112"),
        ),
    ],
)
def test_a_passive_relative_clause_acts_on_its_noun(
    pipe: Pipeline, text: str, expected: tuple[str, str, str]
) -> None:
    events = [e for e in code(pipe, text) if e.cameo.code.startswith(expected[2])]
    assert any(e.target is not None and e.target.country == expected[1] for e in events)


def test_a_passive_relative_clause_without_agent_stays_unattributed(pipe: Pipeline) -> None:
    found = triples(
        code(pipe, "Syria's defence minister, who was sanctioned last year, met Iranian officials.")
    )
    assert not any(c == "163" and t == "SYR" and s == "IRN" for s, t, c in found)


# -- "Doctors from X groups donated goods": a clause the parser reads as a noun phrase ---------
def test_a_participle_with_an_object_is_the_verb_of_a_verbless_parse(pipe: Pipeline) -> None:
    text = (
        "Doctors from two British aid groups donated and delivered "
        "$20,000 worth of medicine to Kabul University."
    )
    found = triples(code(pipe, text))
    assert any(s == "GBR" and t == "AFG" and c.startswith("07") for s, t, c in found)
    assert not any(s == "AFG" for s, _, _ in found)


def test_a_passive_participle_without_an_object_is_no_verb(pipe: Pipeline) -> None:
    # A caption: the weapons were seized, the rebels did not seize anything.
    events = code(pipe, "Weapons seized from Syrian rebels near Idlib.")
    assert not any(e.source.sector == "REB" for e in events)


# -- "a visit by X to Y": a nominal act's own "by" phrase is its agent -----------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("After a visit by Scholz to Beijing, trade grew.", ("DEU", "CHN", "042")),
        ("A raid by Turkish jets on Kurdish positions in Iraq was reported.", ("TUR", None, "19")),
    ],
)
def test_a_nominal_acts_by_phrase_is_its_agent(
    pipe: Pipeline, text: str, expected: tuple[str, str | None, str]
) -> None:
    found = triples(code(pipe, text))
    assert any(
        s == expected[0] and (expected[1] is None or t == expected[1]) and c.startswith(expected[2])
        for s, t, c in found
    )


def test_a_means_in_the_by_phrase_is_no_agent(pipe: Pipeline) -> None:
    found = triples(code(pipe, "A visit by helicopter to Kabul was cancelled."))
    assert not any(c.startswith("04") and s is not None for s, _, c in found)


# -- "X put Y under arrest": the subject does to the object what "under" names --------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Zimbabwean police placed the opposition leader under house arrest.",
            ("ZWE", "ZWE", "173"),
        ),
        ("The Turkish reporter was put under arrest by Iranian police.", ("IRN", "TUR", "173")),
        ("Brazil placed the Paraguayan diplomat under investigation.", ("BRA", "PRY", "09")),
    ],
)
def test_putting_someone_under_an_act_does_it_to_them(
    pipe: Pipeline, text: str, expected: tuple[str, str, str]
) -> None:
    found = triples(code(pipe, text))
    assert any(
        s == expected[0] and t == expected[1] and c.startswith(expected[2]) for s, t, c in found
    )


def test_a_thing_under_arrest_phrase_keeps_the_subject_as_patient(pipe: Pipeline) -> None:
    # "came under" is suffered by the subject, "put under" is done to the object: the
    # reporter is not the one arresting.
    found = triples(code(pipe, "The Turkish reporter was put under arrest by Iranian police."))
    assert not any(s == "TUR" and c.startswith("17") for s, _, c in found)


# -- "troops were withdrawn from X": with no agent, their own side de-escalates ---------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ugandan troops were withdrawn from Somalia in December.", ("UGA", "SOM", "087")),
        ("Hundreds of Colombian rebels have been demobilized this year.", ("COL", None, "087")),
    ],
)
def test_an_agentless_de_escalation_is_by_its_own_side(
    pipe: Pipeline, text: str, expected: tuple[str, str | None, str]
) -> None:
    found = triples(code(pipe, text))
    assert any(
        s == expected[0] and (expected[1] is None or t == expected[1]) and c.startswith(expected[2])
        for s, t, c in found
    )


def test_an_agent_keeps_the_de_escalation_its_own(pipe: Pipeline) -> None:
    found = triples(code(pipe, "The Libyan militia was disarmed by Egyptian troops."))
    assert not any(s == "LBY" and c.startswith("087") for s, _, c in found)
