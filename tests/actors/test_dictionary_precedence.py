"""An imported dictionary's meaning of a phrase wins over the package data's, as it would in
PETRARCH with that dictionary; a parenthesised abbreviation restates the name before it. The
dictionary and sentences are written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dateline.actors import ActorResolver, Mention
from dateline.actors._load import build_kb
from dateline.actors._tabari import load_dictionary

# Codes the package data does not give these names.
ACTORS = """\
EUROPEAN_UNION [IGOXEU]
"""


@pytest.fixture(scope="module")
def resolve(nlp) -> Callable[[str], list[Mention]]:  # type: ignore[no-untyped-def]
    kb = build_kb()
    load_dictionary(kb, ACTORS, "test.actors")
    resolver = ActorResolver(kb)
    return lambda text: resolver.resolve(nlp(text))


def _code_of(mentions: list[Mention], text: str, word: str) -> str | None:
    """The code of the actor at ``word`` (of the group member there, in a group)."""
    i = text.index(word)
    for m in mentions:
        if m.start <= i < m.end:
            inner = [a for a in m.members if a.start <= i < a.end]
            return inner[0].code if inner else m.actor.code
    return None


def test_the_dictionary_code_of_a_name_wins_over_the_package_code(resolve) -> None:  # type: ignore[no-untyped-def]
    text = "Kenya thanked European Union donors."
    assert _code_of(resolve(text), text, "European") == "IGOXEU"


def test_a_determiner_before_the_name_does_not_bring_back_the_package_code(resolve) -> None:  # type: ignore[no-untyped-def]
    text = "Kenya asked the European Union for help."
    assert _code_of(resolve(text), text, "European") == "IGOXEU"


def test_an_abbreviation_in_brackets_restates_the_name_before_it(resolve) -> None:  # type: ignore[no-untyped-def]
    # parsed with "the European Union (EU" as one phrase headed by "EU"
    text = "Peru and the European Union (EU) agree that trade disputes should be settled."
    mentions = resolve(text)
    assert _code_of(mentions, text, "European") == "IGOXEU"
    assert _code_of(mentions, text, "EU)") == "IGOXEU"
    assert _code_of(mentions, text, "Peru") == "PER"


def test_without_a_dictionary_the_package_code_stands(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Kenya asked the European Union for help."
    mentions = ActorResolver(build_kb()).resolve(nlp(text))
    code = _code_of(mentions, text, "European")
    assert code is not None and code != "IGOXEU"
