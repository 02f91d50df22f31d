"""A bare definite title repeats the unnamed office holder of the sentences before ("A
senior Foreign Ministry official told reporters ... The official added"), not the country
the story is about (``actors/_coref``). Sentences written for dateline."""

from __future__ import annotations

from collections.abc import Callable

from actor_helpers import find

from dateline.actors import Mention


def test_the_official_is_the_unnamed_official_of_the_sentence_before(
    resolve: Callable[..., list[Mention]],
) -> None:
    mentions = resolve(
        "A senior State Department official briefed reporters on Peru's election on Friday. "
        "The official added that visas could be restricted if Lima ignored the courts."
    )
    official = find(mentions, "The official").actor
    assert official.code == "USAGOV" and official.kind == "person"


def test_the_spokesperson_after_a_quotation_is_the_one_introduced_before(
    resolve: Callable[..., list[Mention]],
) -> None:
    mentions = resolve(
        "A State Department spokesperson urged the Bolivian government to free the activists. "
        '"We saw reports of Juan Mamani\'s arrest," the spokesperson told reporters.'
    )
    spokesperson = find(mentions, "the spokesperson").actor
    assert spokesperson.code == "USAGOV"
    we = next(m for m in mentions if m.actor.text == "We")
    assert we.actor.code == "USAGOV"


def test_a_title_with_its_own_country_is_not_the_earlier_holder(
    resolve: Callable[..., list[Mention]],
) -> None:
    mentions = resolve(
        "A senior State Department official briefed reporters on Friday. "
        "The Peruvian official rejected the criticism."
    )
    assert find(mentions, "The Peruvian official").actor.country == "PER"


def test_the_holder_of_another_title_is_not_repeated(
    resolve: Callable[..., list[Mention]],
) -> None:
    mentions = resolve(
        "A State Department spokesperson spoke on Friday in Lima. "
        "The ambassador said the talks would resume."
    )
    assert find(mentions, "The ambassador").actor.code != "USAGOV"
