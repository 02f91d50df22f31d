"""Fixtures for the actor tests: one resolver over the package knowledge base."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from dateline.actors import ActorResolver, Mention, load_kb


@pytest.fixture(scope="session")
def resolver() -> ActorResolver:
    return ActorResolver(load_kb())


@pytest.fixture(scope="session")
def resolve(nlp, resolver: ActorResolver) -> Callable[..., list[Mention]]:  # type: ignore[no-untyped-def]
    def run(text: str, when: dt.date | None = None, home: str | None = None) -> list[Mention]:
        return resolver.resolve(nlp(text), when=when, home_country=home)

    return run
