"""People the knowledge base does not know, coded from the description the story gives them
anywhere (appositive, copula, relative clause, "his term as"), on every mention of the name
(actors/_described.py). Sentences written for dateline."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from actor_helpers import find

from dateline.actors import Mention

WHEN = dt.date(2025, 3, 10)


def _named(mentions: list[Mention], text: str) -> list[Mention]:
    return [m for m in mentions if m.actor.text == text]


@pytest.mark.parametrize(
    ("text", "full", "surname", "code"),
    [
        # a later appositive codes the earlier mentions too
        (
            "The ministry fined Marek Novak. Novak, an Azerbaijani journalist, criticized it.",
            "Marek Novak", "Novak", "AZEMED",
        ),
        # a relative clause of a past office makes a former official
        (
            "The United States imposed sanctions on Arben Drita. "
            "Drita, who served as prime minister of Albania, rejected the accusations.",
            "Arben Drita", "Drita", "ALBELI",
        ),
        # "his term as" describes the person named before it
        (
            "Washington sanctioned Dritan Kola for corruption during his term as prime "
            "minister of Albania. Kola rejected the move on Tuesday.",
            "Dritan Kola", "Kola", "ALBELI",
        ),
        # a copula describes its subject
        (
            "Tomas Hrabal is a Czech lawmaker. Hrabal condemned the vote on Monday.",
            "Tomas Hrabal", "Hrabal", "CZELEG",
        ),
        # a spokesman for a body, named after the title, speaks for it
        (
            "A spokesman for the Kenyan foreign ministry, Peter Otieno, told reporters the "
            "claims were false. Otieno denied the report.",
            "Peter Otieno", "Otieno", "KENGOV",
        ),
        # a nationality said of the person
        (
            "Police arrested Khalid Merov in July. Merov, who is Azerbaijani, said he is "
            "cooperating with prosecutors.",
            "Khalid Merov", "Merov", "AZE",
        ),
    ],
)  # fmt: skip
def test_a_description_codes_every_mention_of_the_name(
    resolve: Callable[..., list[Mention]], text: str, full: str, surname: str, code: str
) -> None:
    mentions = resolve(text, when=WHEN)
    assert find(mentions, full).actor.code == code
    later = _named(mentions, surname)
    assert later and later[0].actor.code == code


def test_a_past_office_in_a_description_is_no_longer_its_holders(
    resolve: Callable[..., list[Mention]],
) -> None:
    mentions = resolve(
        "Washington sanctioned Dritan Kola for corruption during his term as prime minister "
        "of Albania.",
        when=WHEN,
    )
    office = find(mentions, "prime minister of Albania").actor
    assert (office.code, office.name) == ("ALBELI", None)


def test_a_person_described_as_a_journalist_is_no_official(
    resolve: Callable[..., list[Mention]],
) -> None:
    mentions = resolve(
        "Police detained Lukas Brenner. Brenner, a Swiss journalist, denied the charges.",
        when=WHEN,
    )
    brenner = find(mentions, "Lukas Brenner").actor
    assert (brenner.country, brenner.sector) == ("CHE", "MED")


def test_a_description_of_another_person_does_not_leak(
    resolve: Callable[..., list[Mention]],
) -> None:
    mentions = resolve(
        "Peter Halas, an Austrian journalist, interviewed Jan Dvorak. Dvorak denied the charges.",
        when=WHEN,
    )
    assert find(mentions, "Peter Halas").actor.country == "AUT"
    assert find(mentions, "Jan Dvorak").actor.country is None
    assert _named(mentions, "Dvorak")[0].actor.country is None


def test_a_known_leader_keeps_the_knowledge_base_code(
    resolve: Callable[..., list[Mention]],
) -> None:
    mentions = resolve(
        "Viktor Orban, a former student activist, criticized the European Union.", when=WHEN
    )
    assert find(mentions, "Viktor Orban").actor.country == "HUN"


def test_a_title_the_story_gives_stands_over_a_later_description(
    resolve: Callable[..., list[Mention]],
) -> None:
    mentions = resolve(
        "Kenyan businessman Omar Farah was arrested on Monday. "
        "Farah, who is a British national, denied the charges. Farah said he would appeal.",
        when=WHEN,
    )
    later = _named(mentions, "Farah")
    assert later and all(m.actor.country == "KEN" for m in later)


def test_a_relative_sharing_the_surname_is_not_described(
    resolve: Callable[..., list[Mention]],
) -> None:
    mentions = resolve(
        "Washington barred Arben Drita from entering the country. "
        "Drita, who served as prime minister of Albania, rejected the move. "
        "His son, Ilir Drita, was also barred.",
        when=WHEN,
    )
    assert find(mentions, "Arben Drita").actor.country == "ALB"
    assert find(mentions, "Ilir Drita").actor.country is None


def test_a_surname_stands_for_the_first_full_name_that_holds_it(
    resolve: Callable[..., list[Mention]],
) -> None:
    mentions = resolve(
        "Police arrested Tomas Vacek on Monday. The court also heard his brother, Pavel Vacek. "
        "Vacek is a Czech lawmaker.",
        when=WHEN,
    )
    assert find(mentions, "Tomas Vacek").actor.code == "CZELEG"
    assert find(mentions, "Pavel Vacek").actor.code != "CZELEG"


def test_a_role_held_towards_a_country_does_not_give_the_holder_that_country(
    resolve: Callable[..., list[Mention]],
) -> None:
    mentions = resolve(
        "In May, Karl Brenner, who was the special envoy for Sudan, joined the bank.", when=WHEN
    )
    brenner = [m for m in mentions if "Brenner" in m.actor.text]
    assert not brenner or brenner[0].actor.country != "SDN"
