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


def test_a_nickname_introduced_after_a_name_refers_to_the_same_person(resolve) -> None:  # type: ignore[no-untyped-def]
    mentions = resolve(
        "Ugandan President Yoweri Museveni addressed the rally. Museveni, known by his "
        "nickname Mzee, promised roads. Opponents say Mzee has ruled too long.",
        JUNE_2024,
    )
    nicknames = [m.actor for m in mentions if m.actor.text == "Mzee"]
    assert len(nicknames) == 2
    assert all(a.code == "UGAGOV" for a in nicknames)
    mentions = resolve(
        "Haitian gang leader Jimmy Cherizier threatened the police. Cherizier, better known "
        "as Barbecue, leads a coalition. Barbecue denied it.",
        JUNE_2024,
    )
    assert [m for m in mentions if m.actor.text == "Barbecue"][-1].actor.code == find(
        mentions, "Jimmy"
    ).actor.code


def test_an_unintroduced_name_after_known_as_stays_uncoded(resolve) -> None:  # type: ignore[no-untyped-def]
    mentions = resolve("The singer, known as Zuka, performed in Lagos.", JUNE_2024)
    assert all(m.actor.code is None for m in mentions if "Zuka" in m.actor.text)


def test_a_member_of_a_legislative_chamber_is_a_legislator(resolve) -> None:  # type: ignore[no-untyped-def]
    mentions = resolve("Omar Ali Nur, a member of Somalia's lower house, resigned.", JUNE_2024)
    assert find(mentions, "Omar Ali Nur").actor.code == "SOMLEG"
    mentions = resolve("Ana Lucia Pires, a member of Brazil's senate, objected.", JUNE_2024)
    assert find(mentions, "Pires").actor.code == "BRALEG"


def test_a_national_title_without_country_takes_the_country_the_story_is_about(resolve) -> None:  # type: ignore[no-untyped-def]
    mentions = resolve(
        "Ghana wants a new loan. Ghana's debts are large. Finance Minister Kwame Boateng said "
        "talks were going well.",
        JUNE_2024,
    )
    assert find(mentions, "Boateng").actor.code == "GHAGOV"
    # two countries equally in view: no guess
    mentions = resolve(
        "Ghana and Togo met. Finance Minister Kwame Boateng said talks were going well.",
        JUNE_2024,
    )
    assert find(mentions, "Boateng").actor.code is None


def test_nicknamed_introduces_another_name_of_the_person(resolve) -> None:  # type: ignore[no-untyped-def]
    mentions = resolve(
        "Sudanese General Osman Idris Babiker commands the unit. Babiker, nicknamed Tiger, "
        "denied the charges. Rights groups accuse Tiger of abuses.",
        JUNE_2024,
    )
    tigers = [m.actor for m in mentions if m.actor.text == "Tiger"]
    assert tigers and all(a.country == "SDN" for a in tigers)


def test_an_office_holder_named_in_the_next_sentence_keeps_the_office(resolve) -> None:  # type: ignore[no-untyped-def]
    mentions = resolve(
        "The U.N. special envoy for Yemen is urging both sides to talk. Hans Grundberg "
        "made the appeal on Sunday. Grundberg said a truce was possible.",
        JUNE_2024,
    )
    assert find(mentions, "Hans Grundberg").actor.code == "IGOUNOGOV"
    later = [m.actor for m in mentions if m.actor.text == "Grundberg"]
    assert later and later[0].code == "IGOUNOGOV"
    mentions = resolve(
        "Brazil's U.N. ambassador told the council that a ceasefire was urgent. Maria "
        "Luiza Viotti warned that aid was running out.",
        JUNE_2024,
    )
    assert find(mentions, "Viotti").actor.code == "BRAGOV"


def test_no_office_is_passed_to_a_name_after_an_indefinite_or_another_named_subject(
    resolve,
) -> None:  # type: ignore[no-untyped-def]
    mentions = resolve(
        "A Brazilian diplomat told the council that a ceasefire was urgent. Maria Luiza Viotti "
        "warned that aid was running out.",
        JUNE_2024,
    )
    # the story's only country may still make her Brazilian, but not a diplomat
    viotti = find(mentions, "Viotti").actor
    assert viotti.sector is None and viotti.role is None
    mentions = resolve(
        "Brazil's U.N. ambassador spoke first. President Lula da Silva then said the plan "
        "failed. Maria Luiza Viotti warned that aid was running out.",
        JUNE_2024,
    )
    viotti = find(mentions, "Viotti").actor
    assert viotti.sector is None and viotti.role is None


def test_the_only_country_named_so_far_gives_a_national_title_its_country(resolve) -> None:  # type: ignore[no-untyped-def]
    mentions = resolve(
        "Talks between Kenya and the World Bank resumed. Treasury Secretary John Mbadi "
        "said a deal was close.",
        JUNE_2024,
    )
    assert find(mentions, "Mbadi").actor.code == "KENGOV"
    # the head of an international body is nobody's national
    mentions = resolve(
        "Fighting in Chad worsened. Secretary General Maria Lindqvist said aid was blocked.",
        JUNE_2024,
    )
    assert find(mentions, "Lindqvist").actor.country is None


def test_a_body_appointing_an_official_gives_the_official_its_code(resolve) -> None:  # type: ignore[no-untyped-def]
    mentions = resolve(
        "United Nations-appointed special rapporteur Ana Ferreira criticized the decree.",
        JUNE_2024,
    )
    assert find(mentions, "Ferreira").actor.code == "IGOUNO"
    mentions = resolve("The UN special rapporteur on torture visited the jail.", JUNE_2024)
    assert find(mentions, "rapporteur").actor.code == "IGOUNO"


def test_a_person_stated_to_be_from_a_country_is_of_that_country(resolve) -> None:  # type: ignore[no-untyped-def]
    mentions = resolve(
        "Police detained Kenzo Tanaka at the border. Tanaka, from Japan, said he was a "
        "tourist. Tanaka was released on Monday.",
        JUNE_2024,
    )
    later = [m.actor for m in mentions if m.actor.text == "Tanaka"]
    assert [a.code for a in later] == ["JPN", "JPN"]
    # a city of origin is where he lives, not a nationality we may assume
    mentions = resolve("Kenzo Tanaka, from Osaka's suburbs, said it was over.", JUNE_2024)
    assert find(mentions, "Kenzo Tanaka").actor.code is None


def test_a_country_later_in_an_appositive_belongs_to_the_person(resolve) -> None:  # type: ignore[no-untyped-def]
    mentions = resolve(
        "In Ghana, police detained Emeka Okafor, a banker and founder of a microfinance "
        "firm in Nigeria.",
        JUNE_2024,
    )
    # his country, not the place of the arrest
    assert find(mentions, "Okafor").actor.country == "NGA"
    # what follows the appositive's closing comma is not part of it
    mentions = resolve(
        "Emeka Okafor, a banker and father of three, met officials from Ghana.", JUNE_2024
    )
    assert find(mentions, "Okafor").actor.country is None


def test_national_groups_take_the_country_the_story_is_about(resolve) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Mali's junta extended its rule. Mali has expelled French troops. "
        "Militants attacked an army post on Sunday, and government troops repelled them."
    )
    mentions = resolve(text, JUNE_2024)
    assert find(mentions, "Militants").actor.code == "MLIREB"
    assert actor(mentions, "government troops").code == "MLIMIL"


def test_no_story_country_for_bodies_pointed_back_at_or_foreign_groups(resolve) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Mali's junta extended its rule. Mali has expelled French troops. "
        "The company said it would leave. Foreign fighters crossed the border. "
        "Zemblan officials and members of his family met the warring parties."
    )
    mentions = resolve(text, JUNE_2024)
    for phrase in ("The company", "Foreign fighters", "Zemblan officials", "members of his"):
        assert find(mentions, phrase).actor.country is None, phrase
    assert all(m.actor.sector != "PTY" for m in mentions)  # the warring sides are no parties
    # the first sentence's own countries are not yet what the story is about
    mentions = resolve("Chadian police and Zemblan officials signed a border accord.", JUNE_2024)
    assert find(mentions, "Zemblan").actor.country is None


def test_no_story_country_for_groups_across_a_continent(resolve) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Kenya's opposition is weak. Kenya votes soon. Across the continent, opposition "
        "parties have complained."
    )
    mentions = resolve(text, JUNE_2024)
    assert find(mentions, "opposition parties").actor.country is None
    text = "Kenya's opposition is weak. Kenya votes soon. Opposition parties have complained."
    assert find(resolve(text, JUNE_2024), "Opposition parties").actor.code == "KENOPP"


def test_a_publisher_is_a_media_title(resolve) -> None:  # type: ignore[no-untyped-def]
    mentions = resolve("Hong Kong publisher Jimmy Lai was jailed.", JUNE_2024)
    assert find(mentions, "Jimmy Lai").actor.code == "HKGMED"
