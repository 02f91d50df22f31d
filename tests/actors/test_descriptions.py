"""Actors described around their head: an organisation's prefix on people and things,
membership phrases ("loyal to", "affiliated with", "supporters of"), possessive pronouns,
peoples "of" a homeland and inhabitants of a place. What must and must not come out."""

from __future__ import annotations

import datetime as dt

from actor_helpers import find

from dateline.actors import Mention

JUNE_2015 = dt.date(2015, 6, 1)


def codes(mentions: list[Mention]) -> dict[str, str | None]:
    return {m.actor.text: m.actor.code for m in mentions}


def test_organisation_prefix_on_a_mediator_and_on_planes(resolve) -> None:  # type: ignore[no-untyped-def]
    mentions = resolve("The rebels agreed to meet U.N. mediator Hans Olsen next week.", JUNE_2015)
    mediator = find(mentions, "Hans Olsen").actor
    assert mediator.code is not None and mediator.code.startswith("IGOUNO")
    assert mediator.kind == "person" and mediator.role == "mediator"
    assert "U.N." not in codes(mentions)  # the prefix is part of the person, not an actor
    mentions = resolve(
        "The militia refused to allow United Nations planes to land at the airport.", JUNE_2015
    )
    planes = find(mentions, "United Nations planes").actor
    assert planes.code == "IGOUNOMIL"


def test_observers_belong_to_their_modifier_not_to_where_they_work(resolve) -> None:  # type: ignore[no-untyped-def]
    mentions = resolve("Kenyan election monitors said the vote was fair.", JUNE_2015)
    assert find(mentions, "Kenyan election monitors").actor.country == "KEN"
    mentions = resolve("Observers in Kenya said the vote was fair.", JUNE_2015)
    assert not any(m.actor.text.startswith("Observers") for m in mentions)
    mentions = resolve("Observers said the vote was fair.", JUNE_2015)
    assert mentions == []  # bare observers are commentators, nobody's actor


def test_membership_phrases_give_the_group_its_owner(resolve) -> None:  # type: ignore[no-untyped-def]
    mentions = resolve("Militiamen loyal to the Libyan government seized the port.", JUNE_2015)
    assert find(mentions, "Militiamen loyal to").actor.country == "LBY"
    mentions = resolve(
        "Dock workers affiliated with the Kenyan transport union went on strike.", JUNE_2015
    )
    workers = find(mentions, "Dock workers").actor
    assert (workers.code, workers.country) == ("KENLAB", "KEN")
    mentions = resolve("Fighters belonging to the Islamic State attacked the town.", JUNE_2015)
    fighters = find(mentions, "Fighters belonging").actor
    assert fighters.code is not None and fighters.code.startswith("IMG")


def test_supporters_of_a_coded_person_share_his_country(resolve) -> None:  # type: ignore[no-untyped-def]
    mentions = resolve(
        "Hundreds of supporters of Prime Minister Nawaz Sharif marched on Friday.", JUNE_2015
    )
    supporters = find(mentions, "supporters").actor
    assert (supporters.country, supporters.sector) == ("PAK", "CVL")
    sharif = find(mentions, "Nawaz Sharif").actor
    assert sharif.code == "PAKGOV"  # the person stays his own mention


def test_loyalty_to_a_title_gives_no_government_sector(resolve) -> None:  # type: ignore[no-untyped-def]
    mentions = resolve(
        "In Syria, security forces clashed with fighters loyal to the former president.",
        JUNE_2015,
    )
    fighters = find(mentions, "fighters").actor
    assert fighters.sector != "GOV"


def test_possessive_pronouns_point_at_the_subject(resolve) -> None:  # type: ignore[no-untyped-def]
    mentions = resolve("Ethiopian officials said their troops had left the border town.", JUNE_2015)
    assert find(mentions, "their troops").actor.code == "ETHMIL"
    mentions = resolve("Nigeria said its navy had seized the tanker.", JUNE_2015)
    assert find(mentions, "its navy").actor.code == "NGAMIL"
    mentions = resolve(
        "Prime Minister Nawaz Sharif said his government would talk to the rebels.", JUNE_2015
    )
    assert find(mentions, "his government").actor.code == "PAKGOV"


def test_possessive_pronouns_must_agree_and_have_one_owner(resolve) -> None:  # type: ignore[no-untyped-def]
    # "their" is not one person's
    mentions = resolve("President Francois Hollande said their soldiers were ready.", JUNE_2015)
    assert find(mentions, "their soldiers").actor.country is None
    # two owners: neither one alone
    mentions = resolve("Russia and China said their navies would hold joint drills.", JUNE_2015)
    assert find(mentions, "their navies").actor.country is None


def test_a_people_of_a_homeland_is_the_community_living_there(resolve) -> None:  # type: ignore[no-untyped-def]
    mentions = resolve("The Hungarians of Romania voted for the party.", JUNE_2015)
    hungarians = find(mentions, "Hungarians").actor
    assert (hungarians.code, hungarians.country) == ("ROUCVL", "ROU")
    # descent is not residence
    mentions = resolve("Americans of Iraqi origin protested on Sunday.", JUNE_2015)
    assert find(mentions, "Americans").actor.country == "USA"
    # no name after "of": the people's own country
    mentions = resolve("The Albanians of the valley protested on Sunday.", JUNE_2015)
    assert find(mentions, "Albanians").actor.country == "ALB"


def test_inhabitants_of_a_place(resolve) -> None:  # type: ignore[no-untyped-def]
    mentions = resolve("Inhabitants of the Egyptian Sinai staged a sit-in.", JUNE_2015)
    inhabitants = find(mentions, "Inhabitants").actor
    assert (inhabitants.code, inhabitants.country) == ("EGYCVL", "EGY")
    mentions = resolve("Inhabitants staged a sit-in.", JUNE_2015)
    assert mentions == []  # nobody's inhabitants


def test_a_group_description_and_the_name_it_introduces_are_one_actor(resolve) -> None:  # type: ignore[no-untyped-def]
    mentions = resolve("The militant group Hamas fired rockets at Israel.", JUNE_2015)
    hamas = find(mentions, "Hamas").actor
    assert hamas.text == "The militant group Hamas" and hamas.code == "PSEREB"
    # the description is not an actor of the place the sentence names
    assert not any(m.actor.code == "ISRREB" for m in mentions)
    mentions = resolve("The news agency Reuters reported the attack.", JUNE_2015)
    assert find(mentions, "Reuters").actor.text == "The news agency Reuters"
    # a plural head is no description of one name
    mentions = resolve("The government said on Tuesday it would act.", JUNE_2015)
    assert find(mentions, "The government").actor.text == "The government"


def test_an_appositive_title_makes_an_untagged_name_a_person(resolve) -> None:  # type: ignore[no-untyped-def]
    mentions = resolve(
        "Kenzo Tanaka, the United Nations Emergency Relief Coordinator, demanded access.",
        JUNE_2015,
    )
    tanaka = find(mentions, "Kenzo Tanaka").actor
    assert tanaka.kind == "person" and tanaka.code is not None
    assert tanaka.code.startswith("IGOUNO")
    mentions = resolve("Tran Van Minh, Vietnam's planning minister, said trade grew.", JUNE_2015)
    assert find(mentions, "Tran Van Minh").actor.code == "VNMGOV"
    # an organisation's description is no person's title
    mentions = resolve("Silicon Valley, the technology hub, grew fast.", JUNE_2015)
    assert not any(m.actor.kind == "person" for m in mentions)


def test_appositive_titles_first_title_employer_and_former(resolve) -> None:  # type: ignore[no-untyped-def]
    # "at" names the employer, ahead of the portfolio after "for"
    mentions = resolve(
        "Ann Lee, the deputy special envoy for Sudan at the State Department, spoke.", JUNE_2015
    )
    assert find(mentions, "Ann Lee").actor.country == "USA"
    # a director at an NGO holds no government post
    mentions = resolve("Mary Jones, a director at Human Rights Watch, said so.", JUNE_2015)
    jones = find(mentions, "Mary Jones").actor
    assert jones.code is not None and jones.code.startswith("NGO") and jones.sector != "GOV"
    # "former" anywhere before the title
    mentions = resolve("Paul Grant, a former White House coordinator, said so.", JUNE_2015)
    assert find(mentions, "Paul Grant").actor.sector == "ELI"
    # the first of two coordinated titles is the person's
    mentions = resolve(
        "Ali Hassan, a lawmaker and former majority leader in Kenya's National Assembly, spoke.",
        JUNE_2015,
    )
    assert find(mentions, "Ali Hassan").actor.sector == "LEG"
    # a role word inside an organisation's name is no title
    mentions = resolve(
        "Tom Hart, a professor at the National Graduate Institute for Policy Studies in Tokyo, "
        "spoke.",
        JUNE_2015,
    )
    assert find(mentions, "Tom Hart").actor.sector == "EDU"
