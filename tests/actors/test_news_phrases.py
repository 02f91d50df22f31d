"""Actor phrases of everyday news reporting: travel destinations, staff of international
bodies, ministries named in a title, and back-references to an organisation. What must and
must not come out."""

from __future__ import annotations

import datetime as dt

from actor_helpers import actor, find

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


def test_the_agency_is_the_organisation_of_the_person_just_quoted(resolve) -> None:  # type: ignore[no-untyped-def]
    mentions = resolve(
        "Fighting spread across Sudan. The UNICEF director said the agency needs a billion "
        "dollars this year.",
        MAY_2021,
    )
    agency = find(mentions, "the agency").actor
    assert agency.code == "IGOUNOKID"  # UNICEF itself, not the government of Sudan
    assert agency.sector != "GOV"


def test_the_agency_repeats_the_agency_described_before(resolve) -> None:  # type: ignore[no-untyped-def]
    mentions = resolve(
        "The Moroccan counterterror agency broke up a cell in Fez. UNICEF opened a school. "
        "The agency said the cell was planning attacks.",
        MAY_2021,
    )
    assert find(mentions, "The agency").actor.code == "MARGOV"


def test_a_generic_organisation_is_no_government_and_no_news_outlet(resolve) -> None:  # type: ignore[no-untyped-def]
    mentions = resolve(
        "Iraqi officials said the Islamic State commander was dead and that he had run "
        "the group's external operations.",
        MAY_2021,
    )
    group = find(mentions, "the group").actor
    assert group.code == "IMGREBISI"
    mentions = resolve(
        "Ahmad Sadat, the provincial head for the Red Cross, told VOA that five people died. "
        "The humanitarian assistance organization is one of the few with access.",
        MAY_2021,
    )
    organisation = find(mentions, "humanitarian assistance organization").actor
    assert organisation.code is not None and organisation.code.startswith("NGO")


def test_a_group_or_company_with_a_name_of_its_own_points_back_at_nothing(resolve) -> None:  # type: ignore[no-untyped-def]
    mentions = resolve(
        "Amnesty International criticised the law. Many exiles are part of the group "
        "“Island Voices,” which campaigns for their return.",
        MAY_2021,
    )
    assert not any("the group" in m.actor.text and m.actor.code for m in mentions)
    mentions = resolve(
        "Sony reported profits. Kenji Sato founded Hoshi Corporation in 2017. "
        "The company renovates vacant houses.",
        MAY_2021,
    )
    assert all(m.actor.code is None for m in mentions if m.actor.text == "The company")
    mentions = resolve(
        "Amnesty International condemned the raid. Soldiers of the Special Services Group "
        "freed the hostages.",
        MAY_2021,
    )
    assert not any("Special Services Group" in m.actor.text and m.actor.code for m in mentions)


def test_a_described_group_skips_an_uncoded_plural_description(resolve) -> None:  # type: ignore[no-untyped-def]
    mentions = resolve(
        "The Taliban emerged as one of the top two militant groups. The insurgent group has "
        "been fighting the state for years.",
        MAY_2021,
    )
    assert find(mentions, "The insurgent group").actor.code == find(mentions, "Taliban").actor.code


def test_an_executive_director_of_an_aid_or_un_body_holds_no_business_post(resolve) -> None:  # type: ignore[no-untyped-def]
    mentions = resolve("Catherine Russell, UNICEF's executive director, told the council.")
    russell = find(mentions, "Catherine Russell").actor
    assert russell.code == "IGOUNOKIDGOV" and russell.sector != "BUS"
    mentions = resolve("Jan Egeland, executive director of Human Rights Watch, spoke.")
    egeland = find(mentions, "Jan Egeland").actor
    assert egeland.code is not None and egeland.code.startswith("NGO")
    assert egeland.sector is None
    mentions = resolve("Tim Cook, the chief executive of Apple, said sales grew.")
    assert find(mentions, "Tim Cook").actor.sector == "BUS"  # a company's executive is one


def test_a_member_belongs_to_the_body_he_is_a_member_of(resolve) -> None:  # type: ignore[no-untyped-def]
    mentions = resolve("A member of a Russian organized crime group was arrested in Spain.")
    member = find(mentions, "A member").actor
    assert member.country == "RUS" and member.sector == "CRM"
    assert member.code != "RUSGOV"
    mentions = resolve("A member of the Alawite minority was killed in Latakia.")
    assert find(mentions, "A member").actor.code == "SYRCVL"
    mentions = resolve("A member of a Kenyan savings club spoke to reporters.")
    assert find(mentions, "A member").actor.code == "KEN"  # no sector known, not government
    mentions = resolve("A member of the Russian delegation walked out.")
    assert find(mentions, "A member").actor.code == "RUSGOV"


def test_members_of_a_named_or_coded_body_take_its_sector(resolve) -> None:  # type: ignore[no-untyped-def]
    mentions = resolve("She is a member of the Japanese Liberal Democratic Party.")
    assert find(mentions, "a member").actor.sector == "PTY"
    mentions = resolve("He said senior members of Gbagbo's government knew of the plan.")
    assert find(mentions, "senior members").actor.code == "CIVGOV"


def test_a_ministry_named_before_a_title_gives_the_official_its_country(resolve) -> None:  # type: ignore[no-untyped-def]
    mentions = resolve(
        "Meanwhile, Ghana Fisheries Ministry official Ama Mensah says they are talking to Peru."
    )
    official = find(mentions, "Ama Mensah").actor
    assert (official.code, official.kind) == ("GHAGOV", "person")
    assert "Ghana" in official.text  # one mention: the country is part of the title
    assert find(mentions, "Peru").actor.code == "PER"


def test_an_organisation_and_its_description_are_one_mention(resolve) -> None:  # type: ignore[no-untyped-def]
    mentions = resolve("Media watchdog Reporters Without Borders welcomed the release.")
    rsf = find(mentions, "Reporters Without Borders")
    assert rsf.actor.text == "Media watchdog Reporters Without Borders"
    assert rsf.actor.code is not None and rsf.actor.code.startswith("NGO")
    assert not any(m.actor.text == "Media" for m in mentions)
    mentions = resolve("Kenya thanked the Red Cross for its help.")
    assert find(mentions, "Red Cross").actor.text == "the Red Cross"  # no description
    mentions = resolve("Police arrested a Kenyan journalist. Amnesty International protested.")
    assert find(mentions, "Amnesty").actor.text == "Amnesty International"


def test_a_post_in_a_non_state_body_is_no_government_post(resolve) -> None:  # type: ignore[no-untyped-def]
    mentions = resolve("John Kamau, president of the Kenya Farmers Association, said prices rose.")
    kamau = find(mentions, "John Kamau").actor
    assert (kamau.country, kamau.sector) == ("KEN", "AGR")
    mentions = resolve("Mary Okafor, head of Nigeria's largest labor union, called a strike.")
    assert find(mentions, "Mary Okafor").actor.code == "NGALAB"
    # a post in the state stays one
    mentions = resolve("Ali Raza, head of Pakistan's interior ministry, spoke to reporters.")
    assert find(mentions, "Ali Raza").actor.code == "PAKGOV"
    mentions = resolve("Kassym-Jomart Tokayev, President of Kazakhstan, arrived in Moscow.")
    assert find(mentions, "Tokayev").actor.code == "KAZGOV"


def test_the_outlet_a_source_talks_to_is_not_the_country_in_focus(resolve) -> None:  # type: ignore[no-untyped-def]
    mentions = resolve(
        "A journalist was arrested in Zimbabwe. His lawyer told VOA he was waiting for the "
        "High Court to set a date. He said the courts would deal fairly with the case."
    )
    assert find(mentions, "the High Court").actor.country == "ZWE"
    assert find(mentions, "the courts").actor.country == "ZWE"
    assert find(mentions, "VOA").actor.code == "USAMED"  # still an actor of its own
    mentions = resolve(
        "Police raided a newspaper in Zimbabwe. According to the BBC, the government denied it."
    )
    assert find(mentions, "the government").actor.code == "ZWEGOV"


def test_the_outlet_a_source_talks_to_is_no_antecedent(resolve) -> None:  # type: ignore[no-untyped-def]
    mentions = resolve(
        "A reporter was jailed in Zimbabwe. His lawyer told VOA the arrest was unlawful. "
        "The constitution protects the freedom of the press, he said, and the courts would "
        "see that."
    )
    assert all(m.actor.code != "USAMED" for m in mentions if m.actor.text != "VOA")
    assert find(mentions, "the courts").actor.country == "ZWE"


def test_well_known_ruling_and_opposition_parties_are_coded(resolve) -> None:  # type: ignore[no-untyped-def]
    mentions = resolve("Geza was expelled from the Zanu PF party on Friday.")
    assert find(mentions, "Zanu PF").actor.code == "ZWEPTY"
    mentions = resolve("Tendai Moyo, the ZANU-PF spokesman, denied the claims.")
    assert find(mentions, "Tendai Moyo").actor.code == "ZWEPTY"
    mentions = resolve("The Awami League called a strike in Dhaka.")
    assert find(mentions, "Awami League").actor.code == "BGDPTY"
    mentions = resolve("Sudan's former ruling National Congress Party denied the charges.")
    assert find(mentions, "National Congress Party").actor.code == "SDNPTY"  # not India's
    mentions = resolve("The Kuomintang criticised the plan.")
    assert find(mentions, "Kuomintang").actor.code == "TWNPTY"


def test_the_leader_of_a_gang_is_a_criminal_not_an_official(resolve) -> None:  # type: ignore[no-untyped-def]
    mentions = resolve(
        "Jean Pierre, the notorious leader of the Village de Dieu gang, was killed in a gun "
        "battle with police in Haiti. The gang leader had escaped from prison."
    )
    leader = find(mentions, "Jean Pierre").actor
    assert leader.sector == "CRM" and leader.code != "HTIGOV"
    assert find(mentions, "The gang leader").actor.sector == "CRM"


def test_a_definite_head_repeating_an_uncoded_one_gets_no_guessed_country(resolve) -> None:  # type: ignore[no-untyped-def]
    mentions = resolve(
        "Nigeria's defense minister announced the activation of a standby military force. "
        "The force, expected to comprise 5,000 troops, will fight terrorism."
    )
    assert find(mentions, "The force").actor.code is None  # not the Nigerian army


def test_a_plural_description_does_not_block_the_group_named_before(resolve) -> None:  # type: ignore[no-untyped-def]
    mentions = resolve(
        "Al-Shabab is one of two militant groups behind the surge. According to the "
        "report, the militant group launched 500 attacks."
    )
    assert find(mentions, "the militant group").actor.code == find(mentions, "Shabab").actor.code


def test_the_head_of_an_aid_group_is_its_staff_not_a_government(resolve) -> None:  # type: ignore[no-untyped-def]
    mentions = resolve(
        "The head of Doctors Without Borders (MSF) told the council that his teams in Sudan "
        "saw abuse."
    )
    head = find(mentions, "The head").actor
    assert head.code is not None and head.code.startswith("NGO")
    assert head.sector is None and head.country != "SDN"
    mentions = resolve("Red Cross officials suspended aid deliveries in Baghdad.")
    officials = find(mentions, "Red Cross officials").actor
    assert officials.code is not None and not officials.code.endswith("GOV")


def test_the_place_of_a_trailing_attribution_does_not_place_the_news(resolve) -> None:  # type: ignore[no-untyped-def]
    # the officials are in Nairobi; the people were killed in Sudan
    mentions = resolve(
        "Sudanese rebels shelled the town of Wau on Sunday, killing about 30 people, aid "
        "officials in Nairobi said."
    )
    assert all(m.actor.country != "KEN" for m in mentions if "people" in m.actor.text)


def test_the_place_of_a_leading_attribution_still_places_the_news(resolve) -> None:  # type: ignore[no-untyped-def]
    mentions = resolve("Officials in Somalia say soldiers killed six attackers on Sunday.")
    assert actor(mentions, "soldiers").country == "SOM"


def test_humanitarian_and_aid_agencies_are_ngos_not_a_government(resolve) -> None:  # type: ignore[no-untyped-def]
    mentions = resolve("The army barred humanitarian agencies from the camps.", MAY_2021)
    assert find(mentions, "humanitarian agencies").actor.code == "NGO"
    mentions = resolve("Soldiers turned back an aid agency at the border.", MAY_2021)
    assert find(mentions, "an aid agency").actor.code == "NGO"
    # an agency of the state stays the state's
    mentions = resolve("The Kenyan revenue agency raided the offices.", MAY_2021)
    assert find(mentions, "The Kenyan revenue agency").actor.sector != "NGO"
