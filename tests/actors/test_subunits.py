"""A post in a part of an organisation that a region or country names ("director of the
Latin America bureau of Reporters Without Borders") is a post of that organisation
(``actors/_titles``, ``actors/_context``); an aid body described as nongovernmental is no
government agency. Sentences written for dateline."""

from __future__ import annotations

from collections.abc import Callable

from actor_helpers import find

from dateline.actors import Mention


def test_an_appositive_post_in_a_regional_desk_belongs_to_the_organisation(
    resolve: Callable[..., list[Mention]],
) -> None:
    mentions = resolve(
        "Tomas Verhoeven, head of the Asia desk of Human Rights Watch, condemned the verdict."
    )
    head = find(mentions, "Tomas Verhoeven").actor
    assert head.code is not None and head.code.startswith("NGO")
    assert head.sector != "GOV"


def test_a_post_in_a_country_office_belongs_to_the_organisation(
    resolve: Callable[..., list[Mention]],
) -> None:
    mentions = resolve("The director of the Chad office of Amnesty International urged calm.")
    assert (find(mentions, "The director").actor.code or "").startswith("NGO")


def test_a_post_of_a_country_with_no_organisation_after_it_stays_the_countrys(
    resolve: Callable[..., list[Mention]],
) -> None:
    mentions = resolve("Juan Perez, head of the Peru office, said the talks failed.")
    assert find(mentions, "Juan Perez").actor.country == "PER"


def test_a_nongovernmental_agency_is_an_ngo(resolve: Callable[..., list[Mention]]) -> None:
    mentions = resolve("A Dutch nongovernmental agency criticized the ban on Monday.")
    agency = find(mentions, "nongovernmental agency").actor
    assert agency.country == "NLD" and agency.sector == "NGO"
