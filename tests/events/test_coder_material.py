"""Material acts that are not a plain verb with an actor object (issue 16): forces backed by
another country's troops, restrictions on travel from a country, cells broken up, media
closed, measures put off, relief handed out, acting in coordination with someone, and the
arrest of people in a named place. Sentences written for dateline."""

from __future__ import annotations

import pytest

from dateline.model import Article, Event
from dateline.pipeline import Pipeline


def code(pipe: Pipeline, text: str) -> list[Event]:
    return pipe.code(Article(body=text, language="en", published="2025-03-10")).events


def dyad(event: Event) -> tuple[str | None, str | None]:
    return event.source.country, event.target.country if event.target else None


def coded(events: list[Event], plover: str) -> set[tuple[str | None, str | None]]:
    return {dyad(e) for e in events if e.plover.event == plover}


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        (
            "Kenyan government troops, backed by Ugandan soldiers, recaptured the town.",
            "UGA",
            "KEN",
        ),
        (
            "The Congolese army, supported by Burundian troops, attacked rebel positions.",
            "BDI",
            "COD",
        ),
        ("Nigerian troops backed by Chadian warplanes pushed the militants out.", "TCD", "NGA"),
    ],
)
def test_forces_backed_by_foreign_troops_cooperate_militarily(
    pipe: Pipeline, text: str, source: str, target: str
) -> None:
    events = code(pipe, text)
    assert (source, target) in coded(events, "COOPERATE")
    assert not any(e.plover.event == "SUPPORT" and dyad(e) == (source, target) for e in events)


def test_backing_by_a_government_stays_support(pipe: Pipeline) -> None:
    events = code(pipe, "The Kenyan plan, backed by the United States, was adopted on Monday.")
    assert not coded(events, "COOPERATE")


def test_restrictions_on_travel_from_a_country_are_a_sanction(pipe: Pipeline) -> None:
    events = code(pipe, "Germany imposed restrictions on travel from Brazil and South Africa.")
    assert coded(events, "SANCTION") >= {("DEU", "BRA"), ("DEU", "ZAF")}
    assert not coded(events, "COERCE")
    events = code(pipe, "Spain tightened restrictions on all flights from Morocco.")
    assert ("ESP", "MAR") in coded(events, "SANCTION")


def test_restrictions_on_a_countrys_own_people_stay_coercion(pipe: Pipeline) -> None:
    events = code(pipe, "The Thai government imposed restrictions on the protesters in Bangkok.")
    assert not coded(events, "SANCTION")


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("On Monday, the Moroccan police broke up a terrorist cell in Casablanca.", "MAR"),
        ("Egyptian security forces dismantled a smuggling ring near the border.", "EGY"),
        ("In May, a terrorist cell was dismantled in the Spanish city of Barcelona.", "ESP"),
    ],
)
def test_breaking_up_a_cell_is_coercion(pipe: Pipeline, text: str, country: str) -> None:
    assert (country, country) in coded(code(pipe, text), "COERCE")


def test_closing_media_outlets_is_coercion(pipe: Pipeline) -> None:
    events = code(pipe, "The Ethiopian government said it closed five media outlets.")
    assert any(e.cameo.code == "1721" and e.source.country == "ETH" for e in events)


def test_closing_a_border_is_not_closing_media(pipe: Pipeline) -> None:
    events = code(pipe, "Ethiopia closed its border with Eritrea on Monday.")
    assert not any(e.cameo.code == "1721" for e in events)


def test_delaying_tariffs_eases_them(pipe: Pipeline) -> None:
    events = code(pipe, "Washington delayed the tariffs on Mexican goods for a month.")
    assert any(e.cameo.code == "085" and dyad(e) == ("USA", "MEX") for e in events)


def test_handing_out_relief_is_humanitarian_aid(pipe: Pipeline) -> None:
    events = code(pipe, "The Red Cross distributed relief items in Malawi on Friday.")
    assert any(e.cameo.code == "073" for e in events)
    events = code(pipe, "The ministry distributed leaflets in Malawi on Friday.")
    assert not any(e.cameo.root == "07" for e in events)


def test_acting_in_coordination_with_forces_is_cooperation(pipe: Pipeline) -> None:
    events = code(
        pipe, "Kenyan troops, in coordination with Somali forces, attacked al-Shabab positions."
    )
    assert ("KEN", "SOM") in coded(events, "COOPERATE")


def test_an_arrest_in_a_named_place_is_its_authorities(pipe: Pipeline) -> None:
    events = code(pipe, "The raid led to the arrest of seven people in the Iraqi city of Mosul.")
    assert ("IRQ", "IRQ") in coded(events, "COERCE")


def test_an_arrest_by_a_named_agent_is_not_given_to_the_place(pipe: Pipeline) -> None:
    events = code(pipe, "The arrest of the journalist by Turkish police in Berlin drew criticism.")
    assert ("DEU", "DEU") not in coded(events, "COERCE")
    assert any(e.source.country == "TUR" for e in events if e.plover.event == "COERCE")


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("In late January, Chad and Sudan withdrew from the African Union.", "TCD", "IGO"),
        ("Britain left the European Union in 2020.", "GBR", "IGO"),
        ("Hungary quit the International Criminal Court.", "HUN", "IGO"),
    ],
)
def test_leaving_an_organisation_cuts_relations_with_it(
    pipe: Pipeline, text: str, source: str, target: str
) -> None:
    events = code(pipe, text)
    assert any(e.cameo.code == "161" and e.source.country == source for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "Russian troops withdrew from Kherson in November.",
        "The minister left Kyiv on Monday.",
        "The delegation left the talks early.",
    ],
)
def test_leaving_a_place_or_a_meeting_cuts_no_relations(pipe: Pipeline, text: str) -> None:
    assert not any(e.cameo.code == "161" for e in code(pipe, text))


def test_a_release_on_bail_is_the_court_the_story_named(pipe: Pipeline) -> None:
    events = code(
        pipe,
        "The Vietnamese blogger Tran Van was charged in May. A Hanoi court accused him of "
        "spreading propaganda. His lawyer said Tran Van has been released on bail. Amnesty "
        "International welcomed the release.",
    )
    released = [e for e in events if e.cameo.code.startswith("084")]
    assert released and all(e.source.sector == "JUD" for e in released)
    # the welcome answers the court's release
    assert any(
        e.plover.event == "SUPPORT" and e.target is not None and e.target.sector == "JUD"
        for e in events
    )


def test_a_release_with_no_court_in_the_story_has_no_guessed_holder(pipe: Pipeline) -> None:
    events = code(pipe, "The Vietnamese blogger Tran Van has been released, his family said.")
    assert not any(e.cameo.code.startswith("084") for e in events)


def test_acting_in_an_exercise_is_a_show_of_force(pipe: Pipeline) -> None:
    events = code(pipe, "Turkish F-16 jets flew low on Monday over Ankara in a two-day exercise.")
    assert any(e.cameo.code == "150" and e.source.country == "TUR" for e in events)


def test_the_exercise_of_a_right_is_no_military_exercise(pipe: Pipeline) -> None:
    events = code(pipe, "China's exercise of sovereignty over the islands angered Manila.")
    assert not any(e.cameo.root == "15" for e in events)


def test_lifting_a_courts_order_eases_a_restriction(pipe: Pipeline) -> None:
    events = code(pipe, "A Kenyan court lifted orders blocking the swearing-in of the new deputy.")
    assert any(e.cameo.code == "081" and e.source.country == "KEN" for e in events)


def test_eliminating_a_leader_is_force_and_eliminating_tariffs_is_not(pipe: Pipeline) -> None:
    events = code(
        pipe, "Iraqi troops eliminated Islamic State deputy leader Abu Khadija on Friday."
    )
    assert any(e.plover.event == "ASSAULT" and e.source.country == "IRQ" for e in events)
    assert not any(
        e.plover.event == "ASSAULT" for e in code(pipe, "Mexico eliminated tariffs on U.S. corn.")
    )


def test_expelled_from_a_party_is_cut_off_and_from_a_country_deported(pipe: Pipeline) -> None:
    events = code(pipe, "The ANC expelled former president Jacob Zuma from the party on Monday.")
    assert any(e.cameo.code == "161" and dyad(e) == ("ZAF", "ZAF") for e in events)
    assert not any(e.cameo.code == "174" for e in events)
    events = code(pipe, "Thailand expelled the French journalist from the country.")
    assert any(e.cameo.code == "174" and dyad(e) == ("THA", "FRA") for e in events)


def test_troops_deployed_with_no_agent_are_their_own_sides_deployment(pipe: Pipeline) -> None:
    events = code(pipe, "Russian troops have been deployed in Belarus.")
    assert any(e.plover.event == "MOBILIZE" and dyad(e) == ("RUS", "BLR") for e in events)
    events = code(pipe, "U.N. peacekeepers have been deployed to Bangui to protect civilians.")
    assert any(e.cameo.code == "074" and (e.source.code or "").startswith("IGO") for e in events)


def test_troops_deployed_by_a_named_agent_are_its_deployment(pipe: Pipeline) -> None:
    events = code(pipe, "Belarusian troops were deployed by Minsk near the Ukrainian border.")
    assert not any(e.plover.event == "MOBILIZE" and e.source.sector == "MIL" for e in events)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Turkish troops arrived in Qatar on Monday.", ("TUR", "QAT")),
        ("Ethiopian security forces arrived and sealed off the area.", ("ETH", None)),
    ],
)
def test_forces_arriving_are_a_deployment(
    pipe: Pipeline, text: str, expected: tuple[str, str | None]
) -> None:
    assert expected in coded(code(pipe, text), "MOBILIZE")


def test_a_minister_arriving_stays_a_visit(pipe: Pipeline) -> None:
    events = code(pipe, "The Turkish foreign minister arrived in Qatar on Monday.")
    assert coded(events, "MOBILIZE") == set()
    assert ("TUR", "QAT") in coded(events, "CONSULT")


def test_hostages_freed_by_their_captors_are_released_by_them(pipe: Pipeline) -> None:
    events = code(
        pipe, "Forty pupils abducted in Niger state were freed by their captors in Minna on Friday."
    )
    released = [e for e in events if e.cameo.code.startswith("084")]
    assert [(e.source.sector, e.target.sector if e.target else None) for e in released] == [
        ("CRM", "EDU")
    ]


def test_a_known_place_coordinated_with_an_unknown_one_places_the_act(pipe: Pipeline) -> None:
    events = code(pipe, "A jihadist cell was broken up in the cities of Seville and Ceuta.")
    assert ("ESP", "ESP") in coded(events, "COERCE")
