"""People the knowledge base does not know, named without title or affiliation: they are of
the country the story is about when one dominates it, and keep that code by surname.
Sentences written for dateline."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from actor_helpers import find

from dateline.actors import Mention

WHEN = dt.date(2025, 3, 10)


def test_an_untitled_newcomer_takes_the_dominant_country_and_keeps_it(
    resolve: Callable[..., list[Mention]],
) -> None:
    mentions = resolve(
        "A Malawian court on Monday suspended the electoral commission. "
        "The government announced sanctions on Peter Chirwa and members of his family. "
        "Chirwa rejected the allegations on Thursday.",
        when=WHEN,
    )
    assert find(mentions, "Peter Chirwa").actor.country == "MWI"
    surname = [m for m in mentions if m.actor.text == "Chirwa"]
    assert surname and surname[0].actor.country == "MWI"


def test_no_country_when_no_single_country_dominates(
    resolve: Callable[..., list[Mention]],
) -> None:
    mentions = resolve(
        "Zambia and Malawi signed a border accord on Monday. "
        "The government announced sanctions on Peter Chirwa and members of his family.",
        when=WHEN,
    )
    assert find(mentions, "Peter Chirwa").actor.country is None


def test_a_name_owned_by_an_unknown_body_is_not_given_the_story_country(
    resolve: Callable[..., list[Mention]],
) -> None:
    mentions = resolve(
        "A Malawian court on Monday suspended the new electoral commission. "
        "The Lakeside Justice Forum's Peter Chirwa rejected the allegations on Thursday.",
        when=WHEN,
    )
    assert find(mentions, "Peter Chirwa").actor.country is None


def test_a_story_about_two_countries_gives_a_newcomer_no_country_even_if_one_leads(
    resolve: Callable[..., list[Mention]],
) -> None:
    mentions = resolve(
        "Washington on Monday warned Albania over corruption. "
        "U.S. officials said more measures would follow. "
        "The State Department announced sanctions on Peter Chirwa and members of his family.",
        when=WHEN,
    )
    assert find(mentions, "Peter Chirwa").actor.country is None


def test_a_newcomer_in_a_sentence_naming_another_country_gets_none(
    resolve: Callable[..., list[Mention]],
) -> None:
    mentions = resolve(
        "A Malawian court on Monday suspended the electoral commission. "
        "Peter Chirwa, who lectures at a university in Texas, criticised the ruling.",
        when=WHEN,
    )
    assert find(mentions, "Peter Chirwa").actor.country is None


def test_a_relative_named_after_a_possessive_takes_the_persons_country(
    resolve: Callable[..., list[Mention]],
) -> None:
    mentions = resolve(
        "Ghana's fisheries minister Kwame Boateng fell ill on Monday. "
        "Boateng's nephew Kojo and two lawyers flew to Paris to meet his doctors.",
        when=WHEN,
    )
    nephew = find(mentions, "Kojo").actor
    assert nephew.country == "GHA" and nephew.sector is None


def test_a_relative_of_no_coded_person_gets_no_country_from_them(
    resolve: Callable[..., list[Mention]],
) -> None:
    mentions = resolve(
        "Zambia and Malawi signed a border accord on Monday. The company's son Kojo flew to Paris.",
        when=WHEN,
    )
    assert all(m.actor.rule != "kin" for m in mentions)
