"""Attacks on what carries people (events/conveyance.py): the people a vehicle carries are
the target, and a date the parser hangs from the describing participle dates the attack.
Sentences written for dateline."""

from __future__ import annotations

import pytest

from dateline.model import Article, Event
from dateline.pipeline import Pipeline


def code(pipe: Pipeline, text: str) -> list[Event]:
    return pipe.code(Article(body=text, language="en", published="2025-03-12")).events


def assaults(events: list[Event]) -> list[Event]:
    return [e for e in events if e.plover.event == "ASSAULT"]


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Gunmen attacked a convoy escorting Nigerian soldiers near Maiduguri.", "NGA"),
        ("Rebels ambushed a bus transporting Malian troops in the north.", "MLI"),
        (
            "Islamist militants launched an attack on a bus that was carrying Kenyan police "
            "officers.",
            "KEN",
        ),
    ],
)
def test_an_attack_on_a_vehicle_targets_whom_it_carries(
    pipe: Pipeline, text: str, target: str
) -> None:
    found = assaults(code(pipe, text))
    assert any(e.target is not None and e.target.country == target for e in found)


def test_a_vehicle_that_carries_no_one_named_gives_no_target(pipe: Pipeline) -> None:
    found = assaults(code(pipe, "Gunmen attacked a bus near Maiduguri."))
    assert all(e.target is None or e.target.country == "NGA" for e in found)
    assert not any(e.target is not None and e.target.text.startswith("a bus") for e in found)


def test_a_date_hung_from_the_describing_participle_dates_the_attack(pipe: Pipeline) -> None:
    found = assaults(
        code(pipe, "Gunmen attacked a convoy escorting Nigerian soldiers near Maiduguri on Monday.")
    )
    assert [(e.date, e.date_precision) for e in found] == [("2025-03-10", "day")]


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Kenya launched an operation to flush out Somali militants from the forest.", "SOM"),
        ("The Nigerian army launched an offensive to dislodge Boko Haram fighters.", "NGA"),
    ],
)
def test_the_purpose_of_an_operation_names_whom_it_attacks(
    pipe: Pipeline, text: str, target: str
) -> None:
    found = assaults(code(pipe, text))
    assert any(e.target is not None and e.target.country == target for e in found)


def test_a_purpose_that_routs_no_one_gives_no_target(pipe: Pipeline) -> None:
    found = assaults(code(pipe, "Kenya launched an operation to rebuild the bridge."))
    assert all(e.target is None for e in found)


def test_insurgents_attack_their_own_countrys_forces(pipe: Pipeline) -> None:
    found = assaults(code(pipe, "Kurdish PKK militants attacked soldiers near the border."))
    assert [(e.source.country, e.target.country if e.target else None) for e in found] == [
        ("TUR", "TUR")
    ]


def test_a_state_attacking_unnamed_soldiers_places_them_nowhere(pipe: Pipeline) -> None:
    found = assaults(code(pipe, "Russian forces attacked soldiers near the border."))
    assert all(e.target is None or e.target.country is None for e in found)


@pytest.mark.parametrize(
    ("text", "target"),
    [
        (
            "Hundreds of Malian troops were deployed to the villages to push back separatist "
            "rebels in Kidal.",
            "MLI",
        ),
        ("Kenya sent troops to the border to drive out Somali militants.", "SOM"),
    ],
)
def test_a_deployment_is_aimed_at_whom_its_purpose_routs(
    pipe: Pipeline, text: str, target: str
) -> None:
    found = [e for e in code(pipe, text) if e.cameo.root == "15"]
    assert any(e.target is not None and e.target.country == target for e in found)


@pytest.mark.parametrize(
    ("text", "target"),
    [
        (
            "Iran conducted missile tests in the Gulf in an effort to pressure Saudi Arabia.",
            "SAU",
        ),
        ("China held military drills on Monday to deter Japan.", "JPN"),
    ],
)
def test_a_show_of_force_is_aimed_at_whom_its_purpose_pressures(
    pipe: Pipeline, text: str, target: str
) -> None:
    found = [e for e in code(pipe, text) if e.cameo.root == "15"]
    assert [e.target.country if e.target else None for e in found] == [target]


def test_a_show_of_force_for_another_aim_has_no_pressured_target(pipe: Pipeline) -> None:
    found = code(pipe, "China held military drills on Monday to test new equipment.")
    assert [e.target for e in found if e.cameo.root == "15"] == [None]


def test_an_attack_beside_security_forces_is_aimed_at_them(pipe: Pipeline) -> None:
    found = assaults(
        code(pipe, "Baloch separatist fighters detonated explosives near a Pakistani army convoy.")
    )
    assert any(e.target is not None and e.target.code == "PAKMIL" for e in found)


def test_an_attack_beside_a_place_is_not_aimed_at_it(pipe: Pipeline) -> None:
    found = assaults(code(pipe, "Baloch separatist fighters detonated explosives near Quetta."))
    assert found
    assert not any(e.target is not None and "Quetta" in e.target.text for e in found)


@pytest.mark.parametrize(
    ("text", "target"),
    [
        (
            "Chad deployed several hundred troops to the villages to push back Sudanese rebels.",
            "SDN",
        ),
        ("Kenya sent soldiers to the coast to hunt down Somali militants.", "SOM"),
    ],
)
def test_the_purpose_of_a_deployment_names_whom_it_is_aimed_at(
    pipe: Pipeline, text: str, target: str
) -> None:
    found = [e for e in code(pipe, text) if e.plover.event == "MOBILIZE"]
    assert found
    assert all(e.target is not None and e.target.country == target for e in found)


@pytest.mark.parametrize(
    ("text", "target"),
    [
        (
            "Islamist insurgents have stepped up attacks in the north, inflicting heavy "
            "casualties on Malian soldiers.",
            "MLI",
        ),
        (
            "An offensive launched by Somali troops last month has pushed Ethiopian rebels out "
            "of three towns.",
            "ETH",
        ),
        (
            "An offensive launched by Somali troops last month has met with success, pushing "
            "Ethiopian rebels out of three towns.",
            "ETH",
        ),
        (
            "An offensive launched by Kenyan troops in Lamu last week, partly to hunt for a "
            "commander, has been a success, driving Ethiopian rebels from several villages.",
            "ETH",
        ),
    ],
)
def test_the_result_of_a_use_of_force_names_whom_it_hit(
    pipe: Pipeline, text: str, target: str
) -> None:
    found = assaults(code(pipe, text))
    assert found
    assert all(e.target is not None and e.target.country == target for e in found)


def test_a_result_that_hits_no_one_named_gives_no_target(pipe: Pipeline) -> None:
    found = assaults(
        code(pipe, "Somali troops launched an offensive last month, capturing three towns.")
    )
    assert found
    assert all(e.target is None for e in found)


def test_two_sides_exchanging_fire_fight_each_other_not_the_fallen(pipe: Pipeline) -> None:
    found = assaults(
        code(
            pipe,
            "Armenian and Azerbaijani border guards exchanged fire on Monday, killing three "
            "Armenian soldiers.",
        )
    )
    exchanged = [e for e in found if e.trigger.text == "exchanged"]
    assert exchanged
    assert all(e.target is not None and e.target.country != e.source.country for e in exchanged)
