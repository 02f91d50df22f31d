"""A transnational armed group joined by a hyphen to a country names its branch there
("IS-Mozambique"), an armed group in that country, not the country itself
(``actors/_doc``). Sentences written for dateline."""

from __future__ import annotations

from collections.abc import Callable

from actor_helpers import find

from dateline.actors import Mention


def test_a_group_branch_named_after_a_country_is_the_group(
    resolve: Callable[..., list[Mention]],
) -> None:
    mentions = resolve("Army units drove IS-Mozambique out of two coastal towns.")
    branch = find(mentions, "IS-Mozambique").actor
    # coded as the knowledge base codes a regional branch: the group's sector there
    assert branch.code == "MOZREB" and branch.country == "MOZ"


def test_a_national_group_beside_a_country_keeps_both(
    resolve: Callable[..., list[Mention]],
) -> None:
    mentions = resolve("The Hamas-Israel war entered its second year.")
    assert find(mentions, "Israel").actor.country == "ISR"
    assert find(mentions, "Hamas").actor.text == "Hamas"
