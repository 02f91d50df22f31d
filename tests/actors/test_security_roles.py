"""Security personnel named as workers or officers are security forces, not labour
(roles.tsv). Sentences written for dateline."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from actor_helpers import find

from dateline.actors import Mention

WHEN = dt.date(2025, 3, 10)


@pytest.mark.parametrize(
    ("phrase", "sector"),
    [
        ("two security workers", "MIL"),
        ("40 security personnel", "MIL"),
        ("a security officer", "COP"),
    ],
)
def test_security_staff_are_security_forces(
    resolve: Callable[..., list[Mention]], phrase: str, sector: str
) -> None:
    mentions = resolve(f"Nigerian officials said gunmen killed {phrase} in Kano.", when=WHEN)
    assert find(mentions, phrase.split()[-1]).actor.sector == sector
