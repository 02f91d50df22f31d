"""Chains of mentions across an article: a person introduced with a title and a country
keeps that code by surname and by role; a portfolio word the knowledge base does not list
stays in the title; a definite plural ("the ministers") is the group named before; a
meeting's venue is not its participants' country. Sentences written for dateline."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from actor_helpers import find

from dateline.actors import Mention

WHEN = dt.date(2025, 3, 10)


def test_an_unknown_person_takes_the_country_of_the_title_not_the_venue(
    resolve: Callable[..., list[Mention]],
) -> None:
    mentions = resolve(
        "Peru's mining minister Ana Quispe met Bolivian energy minister Luis Mamani in Santiago.",
        when=WHEN,
    )
    assert find(mentions, "Luis Mamani").actor.code == "BOLGOV"
    assert find(mentions, "Ana Quispe").actor.code == "PERGOV"


def test_a_surname_alone_keeps_the_code_of_the_person_introduced(
    resolve: Callable[..., list[Mention]],
) -> None:
    mentions = resolve(
        "Ghana's fisheries minister Kwame Boateng arrived in Abidjan on Monday. "
        "Boateng urged Ivory Coast to patrol its waters.",
        when=WHEN,
    )
    surname = [m for m in mentions if m.actor.text == "Boateng"]
    assert surname and surname[0].actor.code == "GHAGOV"


def test_a_capitalised_word_no_one_was_named_by_is_no_person(
    resolve: Callable[..., list[Mention]],
) -> None:
    mentions = resolve(
        "Ghana's fisheries minister Kwame Boateng arrived on Monday. Fishermen praised Mensah.",
        when=WHEN,
    )
    assert not any(m.actor.text == "Mensah" and m.actor.code == "GHAGOV" for m in mentions)


def test_the_plural_role_points_back_at_the_group_named_before(
    resolve: Callable[..., list[Mention]],
) -> None:
    mentions = resolve(
        "Peru's mining minister Ana Quispe spoke first. "
        "African Union foreign ministers met in Addis Ababa on Tuesday. "
        "The ministers condemned the coup.",
        when=WHEN,
    )
    group = find(mentions, "The ministers").actor
    assert group.code is not None and group.code.startswith("IGO")


def test_a_singular_person_of_the_same_role_is_no_antecedent_of_the_plural(
    resolve: Callable[..., list[Mention]],
) -> None:
    mentions = resolve(
        "Peru's mining minister Ana Quispe spoke on Monday. The ministers left early.",
        when=WHEN,
    )
    assert "coref:group" not in (find(mentions, "The ministers").actor.rule or "")


def test_the_council_is_the_international_council_named_sentences_before(
    resolve: Callable[..., list[Mention]],
) -> None:
    mentions = resolve(
        "The U.N. Security Council met on Monday to discuss the war in Yemen. "
        "Aid workers described the hunger. Rebels shelled the port. "
        "Saudi Arabia urged the council to act.",
        when=WHEN,
    )
    assert find(mentions, "the council").actor.code == find(mentions, "Security Council").actor.code


def test_a_council_with_its_country_named_is_that_countrys(
    resolve: Callable[..., list[Mention]],
) -> None:
    mentions = resolve(
        "The U.N. Security Council met on Monday. Kenya's city council approved the budget.",
        when=WHEN,
    )
    assert find(mentions, "city council").actor.country == "KEN"


def test_a_name_first_given_bare_takes_the_code_a_later_title_gives_it(
    resolve: Callable[..., list[Mention]],
) -> None:
    mentions = resolve(
        "Ivan Petrovic was indicted on Monday. Petrovic called the charges political. "
        "Serbian Interior Minister Ivan Petrovic later resigned.",
        when=WHEN,
    )
    bare = [m for m in mentions if m.actor.text in ("Ivan Petrovic", "Petrovic")]
    assert bare and all(m.actor.code == "SRBGOV" for m in bare)


def test_a_name_two_coded_people_share_stays_uncoded(
    resolve: Callable[..., list[Mention]],
) -> None:
    mentions = resolve(
        "Prosecutors said Petrovic was indicted on Monday. "
        "Serbian Interior Minister Ivan Petrovic resigned. "
        "Croatian Justice Minister Ana Petrovic stayed.",
        when=WHEN,
    )
    bare = [m for m in mentions if m.actor.text == "Petrovic"]
    assert bare and bare[0].actor.code is None


def test_the_council_named_before_wins_over_an_organisation_just_mentioned(
    resolve: Callable[..., list[Mention]],
) -> None:
    mentions = resolve(
        "The U.N. Security Council met on Monday. The head of UNICEF spoke about Yemen. "
        "The head of Doctors Without Borders told the council that hospitals were bombed.",
        when=WHEN,
    )
    assert find(mentions, "the council").actor.code == find(mentions, "Security Council").actor.code
