"""Actor phrases of everyday news reporting: travel destinations, staff of international
bodies, ministries named in a title, and back-references to an organisation. What must and
must not come out."""

from __future__ import annotations

import datetime as dt

from actor_helpers import find

MAY_2021 = dt.date(2021, 5, 1)


def test_a_travel_destination_is_the_country_visited_not_its_civilians(resolve) -> None:  # type: ignore[no-untyped-def]
    mentions = resolve("The Russian leader was unhappy with his trip to Beijing.", MAY_2021)
    beijing = find(mentions, "Beijing").actor
    assert (beijing.code, beijing.sector) == ("CHN", None)
    mentions = resolve("The Iraqi president arrived in Amman on Wednesday.", MAY_2021)
    assert find(mentions, "Amman").actor.code == "JOR"
    mentions = resolve("The foreign minister flew to Nairobi for talks.", MAY_2021)
    assert find(mentions, "Nairobi").actor.sector is None


def test_a_city_attacked_or_shelled_is_still_its_civilians(resolve) -> None:  # type: ignore[no-untyped-def]
    mentions = resolve("Two bombers blew themselves up in Tel Aviv on Sunday.", MAY_2021)
    assert find(mentions, "Tel Aviv").actor.code == "ISRCVL"
    mentions = resolve("Police imposed a curfew in Mombasa after the riots.", MAY_2021)
    assert find(mentions, "Mombasa").actor.code == "KENCVL"
