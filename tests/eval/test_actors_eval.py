"""The actor evaluation on the PLOVER gold-standard records."""

from __future__ import annotations

import json
from collections.abc import Callable
from types import SimpleNamespace

from dateline.actors import ActorResolver, Mention, load_kb
from dateline.eval.actors import _best, _gold_country, _gold_sector, _locate, predicted_country
from dateline.model import Actor


def _actor(text: str, start: int, code: str | None, country: str | None) -> Actor:
    return Actor(text=text, start=start, end=start + len(text), code=code, country=country)


def test_gold_normalisation() -> None:
    assert _gold_country("JAP") == "JPN" and _gold_country("IGO") == "IGO"
    assert _gold_sector("CVLalb") == "CVL"
    assert _gold_sector("***") == "?"
    assert _gold_sector("CIV") == "CVL" and _gold_sector(None) is None


def test_predicted_country_of_organisations() -> None:
    assert predicted_country(_actor("UN", 0, "IGOUNO", None)) == "IGO"
    assert predicted_country(_actor("Kremlin", 0, "RUSGOV", "RUS")) == "RUS"
    assert predicted_country(None) is None


def test_locate_handles_elisions_and_spacing() -> None:
    sentence = "U.S. and Russian negotiators met in Geneva."
    assert _locate(sentence, "U.S. ... negotiators") == (0, 28)
    assert _locate("NATO  peacekeeping troops arrived", "NATO peacekeeping troops") == (0, 25)
    assert _locate(sentence, "French") is None


def test_best_picks_the_coordinated_member() -> None:
    us = _actor("U.S.", 0, "USAGOV", "USA")
    russian = _actor("Russian", 9, "RUSGOV", "RUS")
    group = _actor("U.S. and Russian negotiators", 0, None, None)
    mention = Mention(0, 28, group, 3, [us, russian])
    doc = SimpleNamespace(text="U.S. and Russian negotiators met in Geneva.")
    resolver = ActorResolver(load_kb())
    on_russian = _best(resolver, doc, [mention], (9, 28), None)
    assert on_russian is not None and on_russian.code == russian.code
    assert _best(resolver, doc, [mention], (0, 28), None) == us
    assert _best(resolver, doc, [mention], (30, 40), None) is None


def test_run_on_the_plover_records(eval_output: Callable[[str], str]) -> None:
    report = json.loads(eval_output("actors"))
    assert report["records"] == 322
    given, system = report["span_given"]["all"], report["system"]["all"]
    assert given["n"] > 600 and given["n"] == system["n"]
    # regression guards, below the measured figures (README); the targets are
    # 0.90 (country) and 0.80 (country+sector)
    assert given["country"] >= 0.88
    assert given["country_sector"] >= 0.77
    assert system["country"] <= given["country"]
    assert 0.9 <= report["system"]["found_rate"] <= 1.0
