"""A country adjective before a list of institutions qualifies each of them ("Danish media
and government": the Danish government too). Sentences written for these tests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from dateline.actors import ActorResolver, Mention, load_kb


def _group(mentions: list[Mention], text: str, word: str) -> list[str | None]:
    i = text.index(word)
    return next([a.code for a in m.members] for m in mentions if m.start <= i < m.end)


def test_the_country_of_the_first_institution_is_the_others(
    resolve: Callable[..., list[Mention]],
) -> None:
    text = "Danish media and government warned Russia of the consequences."
    assert _group(resolve(text), text, "media") == ["DNKMED", "DNKGOV"]


def test_the_country_is_shared_down_a_longer_list(
    resolve: Callable[..., list[Mention]],
) -> None:
    text = "The Kenyan police and military attacked the camp."
    assert _group(resolve(text), text, "police") == ["KENCOP", "KENMIL"]


def test_a_conjunct_with_its_own_country_keeps_it(
    resolve: Callable[..., list[Mention]],
) -> None:
    text = "Danish media and the Swedish government warned Russia."
    codes = [c for m in resolve(text) for c in ([a.code for a in m.members] or [m.actor.code])]
    assert "SWEGOV" in codes
    assert "DNKGOV" not in codes


def test_a_named_conjunct_the_knowledge_base_does_not_know_gets_no_borrowed_country(
    resolve: Callable[..., list[Mention]],
) -> None:
    text = "Chadian police and Zemblan officials signed a border accord."
    codes = [c for m in resolve(text) for c in ([a.code for a in m.members] or [m.actor.code])]
    assert "TCDCOP" in codes
    assert "TCDGOV" not in codes


def test_civilians_first_share_no_country(resolve: Callable[..., list[Mention]]) -> None:
    text = "Afghan women and government representatives met in Kabul."
    codes = [c for m in resolve(text) for c in ([a.code for a in m.members] or [m.actor.code])]
    assert "AFGCVL" in codes
    assert "AFGGOV" not in codes  # not borrowed from "Afghan women"


def test_imported_agents_share_the_country_too(tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "t.actors").write_text("ZEMBLA [ZEM]\n+ZEMBLAN\n", encoding="utf-8")
    (tmp_path / "t.agents").write_text("BROADCASTER [~MED]\nCABINET [~GOV]\n", encoding="utf-8")
    resolver = ActorResolver(load_kb([tmp_path / "t.actors", tmp_path / "t.agents"]))
    text = "Zemblan broadcasters and cabinet warned Borduria."
    assert _group(resolver.resolve(nlp(text)), text, "broadcasters") == ["ZEMMED", "ZEMGOV"]


def test_roles_before_a_shared_place_are_each_roles_of_every_country(
    resolve: Callable[..., list[Mention]],
) -> None:
    text = "Lawmakers and officials in Kenya and Uganda welcomed the talks."
    assert _group(resolve(text), text, "Lawmakers") == ["KENLEG", "KENGOV", "UGALEG", "UGAGOV"]


def test_one_role_before_two_countries_stays_one_role(
    resolve: Callable[..., list[Mention]],
) -> None:
    text = "Officials in France and Germany condemned the attack."
    assert _group(resolve(text), text, "Officials") == ["FRAGOV", "DEUGOV"]
