"""Word sense from the object (``events/senses.py``, ``data/events/senses.tsv``): a force
verb aimed at a text, a stance or a policy is criticism; one done with or against trade
measures is a sanction. Sentences written for dateline."""

from __future__ import annotations

from dataclasses import replace

import pytest

from dateline.events.senses import load_senses
from dateline.model import Article, Event
from dateline.pipeline import Pipeline


def code(pipe: Pipeline, text: str) -> list[Event]:
    return pipe.code(Article(body=text, language="en", published="2025-03-10")).events


def dyad(event: Event) -> tuple[str | None, str | None]:
    return event.source.country, event.target.country if event.target else None


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("Vietnamese officials attacked the magazine's coverage of Hanoi.", "VNM", None),
        ("The Turkish minister attacked Sweden's asylum policy.", "TUR", "SWE"),
        ("Egypt fired back at the Ethiopian statement on the dam.", "EGY", "ETH"),
    ],
)
def test_force_aimed_at_a_text_or_policy_is_criticism(
    pipe: Pipeline, text: str, source: str, target: str | None
) -> None:
    events = code(pipe, text)
    assert any(e.cameo.root == "11" and e.source.country == source for e in events)
    assert not any(e.cameo.root in ("18", "19", "20") for e in events)
    if target is not None:
        assert any(e.cameo.root == "11" and dyad(e) == (source, target) for e in events)


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("Mexico hit back with import duties on American pork.", "MEX", "USA"),
        ("Brazil retaliated against the Argentine tariffs.", "BRA", "ARG"),
        ("Vietnam struck back with export controls on Cambodia.", "VNM", "KHM"),
    ],
)
def test_retaliation_with_trade_measures_is_a_sanction(
    pipe: Pipeline, text: str, source: str, target: str
) -> None:
    events = code(pipe, text)
    assert any(e.cameo.code == "163" and dyad(e) == (source, target) for e in events)
    assert not any(e.cameo.root in ("18", "19", "20") for e in events)


def test_threatened_economic_retaliation_is_a_threat_of_sanctions(pipe: Pipeline) -> None:
    events = code(pipe, "Ottawa vowed to retaliate against the American tariffs.")
    assert any(e.cameo.code == "1312" for e in events)
    assert not any(e.cameo.code.startswith("138") for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "Sudanese rebels attacked Sudanese army positions near the town.",
        "Syrian forces struck back at the militants.",
        "Government troops retaliated against the rebel fighters.",
    ],
)
def test_force_against_people_and_positions_stays_force(pipe: Pipeline, text: str) -> None:
    events = code(pipe, text)
    assert any(e.cameo.root in ("18", "19", "20") for e in events)
    assert not any(e.cameo.code in ("111", "163") for e in events)


def test_imposing_martial_law_is_not_read_as_criticism(pipe: Pipeline) -> None:
    events = code(pipe, "The junta imposed martial law on three towns.")
    assert not any(e.cameo.root == "11" for e in events)


def test_every_sense_row_names_a_word_class_with_words() -> None:
    table = load_senses()
    assert table.senses
    for sense in table.senses:
        assert sense.words and sense.roots and sense.slots


# -- senses outside politics: the domain of the trigger's clause ----------------------------
@pytest.mark.parametrize(
    ("text", "root"),
    [
        ("Ghana went on high alert on Monday, reporting new cholera cases.", "15"),
        ("Italy has begun relaxing its pandemic restrictions.", "08"),
        ("The Brazilian striker attacked the Argentine defense in the football match.", "19"),
        ("Thousands of Sudanese marched in Khartoum in celebration of the court ruling.", "14"),
        # a court's own scheduling, and commerce read as giving
        ("At the hearing in Lusaka, a Zambian judge requested more time to study the file.", "02"),
        ("Chinese visitors contributed revenue of $2 billion to Laos last year.", "07"),
    ],
)
def test_acts_outside_politics_are_no_events(pipe: Pipeline, text: str, root: str) -> None:
    assert not any(e.cameo.root == root for e in code(pipe, text))


@pytest.mark.parametrize(
    ("text", "root"),
    [
        # the political act of the same verb, and a circumstance that only sets the scene
        ("Ghana put its troops on high alert after Togolese soldiers crossed the border.", "15"),
        ("Iran has eased restrictions on Afghan refugees.", "08"),
        ("Russia attacked Ukrainian cities on Monday amid the pandemic.", "19"),
        ("Thousands of Sudanese marched in Khartoum against the military government.", "14"),
        ("A Zambian judge requested the extradition of the Malawian businessman.", "02"),
        ("China contributed aid worth $2 billion to Laos last year.", "07"),
    ],
)
def test_the_political_sense_stays(pipe: Pipeline, text: str, root: str) -> None:
    assert any(e.cameo.root == root for e in code(pipe, text))


def test_a_no_event_sense_returns_no_rule(nlp) -> None:  # type: ignore[no-untyped-def]
    from dateline.events._rules import TriggerRule

    doc = nlp("The striker attacked the defense in the football match.")
    verb = next(t for t in doc if t.lemma_ == "attack")
    attack = TriggerRule("t.attack", "attack", "VERB", (), ("obj",), "190")
    assert load_senses().reread(verb, attack) is None
    # a literal (imported dictionary) rule says what it says
    assert load_senses().reread(verb, replace(attack, literal=True)) is not None


def test_barring_people_from_public_life_is_coercion(pipe: Pipeline) -> None:
    events = code(pipe, "The Malian government barred Malian girls from school and work.")
    assert any(e.cameo.root == "17" and e.source.country == "MLI" for e in events)
    assert not any(e.cameo.root == "12" for e in events)
    # barring an envoy from entering a country stays a refusal of access
    kept = code(pipe, "The Malian government barred the French envoy from entering Mali.")
    assert any(e.cameo.root == "12" for e in kept)


@pytest.mark.parametrize(
    "text",
    [
        "The Spanish government deployed renewables across the south of the country.",
        "The Indian army deployed new software to its regional offices.",
    ],
)
def test_deploying_a_thing_put_to_use_is_no_mobilization(pipe: Pipeline, text: str) -> None:
    assert not any(e.cameo.root == "15" for e in code(pipe, text))


def test_deploying_troops_stays_a_mobilization(pipe: Pipeline) -> None:
    events = code(pipe, "The Spanish government deployed troops to Ceuta.")
    assert any(e.cameo.root == "15" and e.source.country == "ESP" for e in events)


def test_a_constitution_signed_alone_is_no_agreement(pipe: Pipeline) -> None:
    events = code(pipe, "Chile's president signed a constitutional declaration on Monday.")
    assert not any(e.cameo.code == "057" for e in events)


def test_a_constitutional_declaration_signed_by_two_parties_is_an_agreement(
    pipe: Pipeline,
) -> None:
    events = code(
        pipe,
        "The Sudanese army and Ethiopian officials signed a constitutional declaration in "
        "Addis Ababa on Saturday.",
    )
    assert any(e.cameo.code == "057" for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "A verbal clash between India and Nepal at the summit on Monday embarrassed the hosts.",
        "A diplomatic clash between Egypt and Ethiopia broke out over the dam.",
        "The televised clash between India's prime minister and Nepal's prime minister stunned"
        " diplomats.",
    ],
)
def test_a_clash_in_words_is_criticism_not_fighting(pipe: Pipeline, text: str) -> None:
    events = code(pipe, text)
    assert any(e.cameo.code == "111" and e.target is not None for e in events)
    assert not any(e.cameo.root in ("18", "19", "20") for e in events)


def test_a_clash_of_forces_stays_fighting(pipe: Pipeline) -> None:
    events = code(pipe, "Clashes between Indian and Nepali soldiers left three dead.")
    assert any(e.cameo.root in ("18", "19") for e in events)
    assert not any(e.cameo.code == "111" for e in events)
