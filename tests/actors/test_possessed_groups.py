"""A group of people named through a person or a country ("the minister's staff", "Maduro
loyalists", "Ghana's cocoa growers") is not that person or that state: it takes the person's
country (and, for a side such as loyalists or staff, his political sector) or the country with
the group's own sector. What must and must not come out."""

from __future__ import annotations

import datetime as dt

from actor_helpers import actor, find

MARCH_2025 = dt.date(2025, 3, 1)


def test_loyalists_named_by_a_sitting_leader_are_his_country_and_side(resolve) -> None:  # type: ignore[no-untyped-def]
    mentions = resolve("Maduro loyalists stormed the opposition offices in Caracas.", MARCH_2025)
    loyalists = find(mentions, "loyalists").actor
    assert loyalists.text == "loyalists"  # not folded into the person
    assert (loyalists.code, loyalists.kind) == ("VENGOV", "group")
    assert find(mentions, "Maduro").actor.kind == "person"


def test_loyalists_of_a_former_leader_are_his_country_only(resolve) -> None:  # type: ignore[no-untyped-def]
    mentions = resolve(
        "Gunmen described as Assad loyalists ambushed a patrol near Homs.", MARCH_2025
    )
    loyalists = find(mentions, "loyalists").actor
    assert (loyalists.code, loyalists.sector) == ("SYR", None)  # neither ELI nor the man


def test_supporters_modifying_a_name_are_civilians_of_his_country(resolve) -> None:  # type: ignore[no-untyped-def]
    mentions = resolve("Erdogan supporters rallied outside the courthouse.", MARCH_2025)
    supporters = find(mentions, "supporters").actor
    assert supporters.code == "TURCVL"


def test_staff_and_entourage_of_a_leader_are_his_government(resolve) -> None:  # type: ignore[no-untyped-def]
    mentions = resolve("Ruto's staff denied the report on Tuesday.", MARCH_2025)
    staff = find(mentions, "staff").actor
    assert staff.text == "staff"
    assert staff.code == "KENGOV"
    mentions = resolve("Zelensky's entourage flew to Warsaw.", MARCH_2025)
    assert find(mentions, "entourage").actor.code == "UKRGOV"


def test_a_team_named_through_a_person_with_no_side_is_his_country_only(resolve) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Media tycoon Jimmy Lai is on trial in Hong Kong. Lai's defense team said the "
        "hearing was unfair."
    )
    team = find(resolve(text, MARCH_2025), "team").actor
    assert team.text.endswith("team")
    assert (team.code, team.sector) == ("HKG", None)  # not the tycoon himself (HKGBUS)
    assert team.name is None


def test_relatives_belong_to_a_place_not_to_the_person_named(resolve) -> None:  # type: ignore[no-untyped-def]
    mentions = resolve("Police detained the activist's relatives in Tehran.", MARCH_2025)
    relatives = find(mentions, "relatives").actor
    assert (relatives.country, relatives.sector) == ("IRN", "CVL")
    # "relative" is no actor word on its own: an adjective, or a lone kinsman
    assert not resolve("The capital returned to relative calm on Sunday.", MARCH_2025)


def test_a_countrys_traders_are_its_businesses_not_the_state(resolve) -> None:  # type: ignore[no-untyped-def]
    mentions = resolve("Ghana's cocoa growers rejected the new price.", MARCH_2025)
    assert find(mentions, "growers").actor.code == "GHAAGR"
    mentions = resolve("Nigeria's street vendors protested the new levy.", MARCH_2025)
    vendors = find(mentions, "vendors").actor
    assert vendors.code == "NGABUS"
    assert vendors.kind == "group"


def test_a_possessive_country_owns_every_conjunct(resolve) -> None:  # type: ignore[no-untyped-def]
    mentions = resolve("Peru's potato farmers and sellers blocked the highway.", MARCH_2025)
    assert actor(mentions, "farmers").code == "PERAGR"
    assert actor(mentions, "sellers").code == "PERBUS"
    # a country adjective still does not qualify civilians after an institution
    mentions = resolve("Kenyan police and protesters clashed in the capital.", MARCH_2025)
    assert actor(mentions, "protesters").code != "KENCOP"


def test_possessed_officials_and_institutions_keep_their_codes(resolve) -> None:  # type: ignore[no-untyped-def]
    mentions = resolve("Kenya's government rejected the claim.", MARCH_2025)
    assert find(mentions, "government").actor.code == "KENGOV"
    mentions = resolve("Trump's administration imposed new tariffs.", MARCH_2025)
    assert find(mentions, "administration").actor.code == "USAGOV"
    mentions = resolve("Putin's spokesman dismissed the report.", MARCH_2025)
    assert find(mentions, "spokesman").actor.code == "RUSGOV"
    mentions = resolve("The Trump administration imposed new tariffs.", MARCH_2025)
    assert find(mentions, "administration").actor.code == "USAGOV"
