"""People and bodies of real news reporting that must get a code: named documents that
are no people, institutions named as modifiers, abbreviated country names. What must and
must not come out."""

from __future__ import annotations

import datetime as dt

from actor_helpers import actor, find

JUNE_2024 = dt.date(2024, 6, 1)


def test_a_named_declaration_is_no_person_and_its_city_stays_a_capital(resolve) -> None:  # type: ignore[no-untyped-def]
    mentions = resolve(
        "Both leaders endorsed the Washington Declaration last spring. Washington said on "
        "Monday that the pledge still holds.",
        JUNE_2024,
    )
    assert not any(m.actor.kind == "person" for m in mentions)
    assert find(mentions, "Washington").actor.code == "USAGOV"
    mentions = resolve(
        "Kyiv rejected the Vienna Protocol, and Vienna said it was sorry.", JUNE_2024
    )
    assert all("Protocol" not in m.actor.text for m in mentions)


def test_a_capitalised_institution_before_a_title_is_that_institution(resolve) -> None:  # type: ignore[no-untyped-def]
    mentions = resolve(
        "A State Department spokesperson told reporters the sanctions would stay.", JUNE_2024
    )
    assert find(mentions, "spokesperson").actor.code == "USAGOV"
    # a country modifier still decides whose department it is
    mentions = resolve("The Nepali State Department spokesman declined to comment.", JUNE_2024)
    assert find(mentions, "spokesman").actor.code == "NPLGOV"
    # lower case is the generic word, not the US department
    mentions = resolve("a state department official declined to comment.", JUNE_2024)
    assert all(m.actor.country != "USA" for m in mentions)


def test_the_dotted_abbreviation_of_the_central_african_republic(resolve) -> None:  # type: ignore[no-untyped-def]
    mentions = resolve("Chad and C.A.R. officials met near the border.", JUNE_2024)
    assert actor(mentions, "C.A.R. officials").code == "CAFGOV"
    mentions = resolve("The C.A.R. army said it repelled the attack.", JUNE_2024)
    assert find(mentions, "army").actor.code == "CAFMIL"


def test_us_party_words_before_legislators_name_the_united_states(resolve) -> None:  # type: ignore[no-untyped-def]
    mentions = resolve("Democratic congressmen walked out of the hearing.", JUNE_2024)
    assert find(mentions, "congressmen").actor.code == "USALEG"
    mentions = resolve("Republican senators blocked the nomination on Tuesday.", JUNE_2024)
    assert find(mentions, "senators").actor.code == "USALEG"
    mentions = resolve("Democratic Senator Jane Doyle voted against it.", JUNE_2024)
    assert find(mentions, "Doyle").actor.country == "USA"
    mentions = resolve("Republicans in the House oppose the aid package.", JUNE_2024)
    assert find(mentions, "Republicans").actor.country == "USA"


def test_party_words_inside_other_parties_names_stay_foreign(resolve) -> None:  # type: ignore[no-untyped-def]
    mentions = resolve("The Social Democrats gained seats in Sweden.", JUNE_2024)
    assert all(m.actor.country != "USA" for m in mentions)
    mentions = resolve("Leaders of the Democratic Alliance met in Cape Town.", JUNE_2024)
    assert all(m.actor.country != "USA" for m in mentions)
    mentions = resolve("Sali Berisha heads the Democratic Party of Albania.", JUNE_2024)
    assert all(m.actor.country != "USA" for m in mentions)
    mentions = resolve("The National Republican Movement rallied in Paris.", JUNE_2024)
    assert all(m.actor.country != "USA" for m in mentions)


def test_a_name_after_the_towns_of_is_a_place_not_a_leader(resolve) -> None:  # type: ignore[no-untyped-def]
    # Bazoum is also the surname of Niger's former president
    mentions = resolve(
        "Militants attacked farms between the towns of Paoua and Bazoum on Friday.", JUNE_2024
    )
    assert all(m.actor.kind != "person" for m in mentions)
    assert all(m.actor.country != "NER" for m in mentions)
