"""Actor resolution on parsed text: what must and what must not come out."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from actor_helpers import actor, find

from dateline.actors import ActorResolver

NOV_2018 = dt.date(2018, 11, 9)

SEED_LEAD = (
    "Kazakhstan’s Foreign Minister Kairat Abdrakhmanov held a meeting with the new Ambassador "
    "of China to Kazakhstan Zhang Xiao on November 9 to discuss bilateral relations between "
    "Kazakhstan and China, the Kazakh Foreign Ministry said. According to Mr. Abdrakhmanov, "
    "cooperation between Astana and Beijing has grown. The parties expressed interest in new "
    "projects. Ambassador Xiao praised the Kazakh President’s address. The minister said the "
    "two countries would meet again."
)


def test_seed_people_get_role_and_country_from_the_title(resolve) -> None:  # type: ignore[no-untyped-def]
    mentions = resolve(SEED_LEAD, when=NOV_2018, home="KAZ")
    minister = find(mentions, "Kairat Abdrakhmanov").actor
    assert (minister.code, minister.country, minister.sector) == ("KAZGOV", "KAZ", "GOV")
    assert (minister.name, minister.role, minister.kind) == (
        "Kairat Abdrakhmanov",
        "foreign minister",
        "person",
    )
    ambassador = find(mentions, "Zhang Xiao").actor
    # the ambassador OF China, not the ambassador TO Kazakhstan
    assert ambassador.code == "CHNGOV" and ambassador.country == "CHN"
    assert ambassador.name == "Zhang Xiao" and "ambassador" in (ambassador.role or "")
    ministry = find(mentions, "Foreign Ministry").actor
    assert ministry.code == "KAZGOV" and ministry.kind == "organisation"


def test_seed_coreference(resolve) -> None:  # type: ignore[no-untyped-def]
    mentions = resolve(SEED_LEAD, when=NOV_2018, home="KAZ")
    mr = find(mentions, "Mr. Abdrakhmanov").actor
    assert (mr.name, mr.code) == ("Kairat Abdrakhmanov", "KAZGOV")
    xiao = find(mentions, "Ambassador Xiao").actor
    assert (xiao.name, xiao.code) == ("Zhang Xiao", "CHNGOV")
    the_minister = find(mentions, "The minister").actor
    assert the_minister.name == "Kairat Abdrakhmanov"
    president = find(mentions, "Kazakh President").actor
    assert (president.name, president.code) == ("Nursultan Nazarbayev", "KAZGOV")
    pair = find(mentions, "Kazakhstan and China")
    assert [m.code for m in pair.members] == ["KAZ", "CHN"]
    countries = find(mentions, "two countries")
    assert sorted(m.country for m in countries.members) == ["CHN", "KAZ"]  # type: ignore[type-var]
    parties = find(mentions, "The parties")
    assert {m.name for m in parties.members} == {"Kairat Abdrakhmanov", "Zhang Xiao"}
    capitals = find(mentions, "Astana and Beijing")
    assert [m.code for m in capitals.members] == ["KAZGOV", "CHNGOV"]


def test_seed_article(resolve, seed_path: Path) -> None:  # type: ignore[no-untyped-def]
    mentions = resolve(seed_path.read_text("utf-8"), when=NOV_2018, home="KAZ")
    by_text = {m.actor.text: m for m in mentions}
    assert by_text["the President of Kazakhstan Nursultan Nazarbayev"].actor.code == "KAZGOV"
    assert find(mentions, "Chinese business community").actor.code == "CHNBUS"
    assert find(mentions, "Shanghai Cooperation Organization").actor.code == "IGOCASSCO"
    assert find(mentions, "the sides").members
    # must not: the dateline is no actor, the ambassador is not Kazakh
    assert by_text["ASTANA"].actor.sector is None
    assert all(m.actor.code != "KAZGOV" for m in mentions if m.actor.name == "Zhang Xiao")
    # offsets index the text
    text = seed_path.read_text("utf-8")
    assert all(text[m.start : m.end] == m.actor.text for m in mentions)


def test_leaders_list_is_time_aware(resolve) -> None:  # type: ignore[no-untyped-def]
    text = "Nazarbayev met the delegation in Astana."
    assert find(resolve(text, when=dt.date(2018, 5, 1)), "Nazarbayev").actor.code == "KAZGOV"
    later = find(resolve(text, when=dt.date(2022, 5, 1)), "Nazarbayev").actor
    assert later.code == "KAZELI" and later.country == "KAZ"
    tokayev = find(resolve("Tokayev signed the decree.", when=dt.date(2022, 5, 1)), "Tokayev")
    assert tokayev.actor.code == "KAZGOV" and tokayev.actor.role == "president"
    xi = find(resolve("President Xi Jinping arrived on Monday.", when=NOV_2018), "Xi Jinping")
    assert xi.actor.code == "CHNGOV"
    # a title in the text wins over the dates: "President Obama" in 2005 is a president
    obama = find(resolve("President Obama spoke.", when=dt.date(2005, 1, 1)), "Obama")
    assert obama.actor.sector == "GOV"
    former = find(resolve("Former President Nazarbayev spoke.", when=NOV_2018), "Nazarbayev")
    assert former.actor.code == "KAZELI"


def test_unknown_person_gets_country_from_title_or_home(resolve) -> None:  # type: ignore[no-untyped-def]
    text = "President Zhaksylyk Omarov met Chinese Deputy Premier Liu Heping."
    mentions = resolve(text, when=NOV_2018, home="KAZ")
    assert find(mentions, "Omarov").actor.code == "KAZGOV"
    assert find(mentions, "Liu Heping").actor.code == "CHNGOV"
    assert find(resolve(text), "Omarov").actor.code is None  # no home country, no guess


def test_metonymy(resolve) -> None:  # type: ignore[no-untyped-def]
    mentions = resolve(
        "Beijing said on Monday that the Kremlin and Downing Street had been told. "
        "Foggy Bottom declined to comment, and the White House said nothing.",
        when=NOV_2018,
    )
    assert actor(mentions, "Beijing").code == "CHNGOV"
    assert actor(mentions, "Kremlin").code == "RUSGOV"
    assert actor(mentions, "Downing Street").code == "GBRGOV"
    assert actor(mentions, "Foggy Bottom").code == "USAGOV"
    assert actor(mentions, "White House").code == "USAGOV"
    place = find(resolve("Protesters gathered in Beijing."), "Beijing").actor
    assert place.kind == "place" and place.sector != "GOV"


def test_demonyms_and_sector_words(resolve) -> None:  # type: ignore[no-untyped-def]
    mentions = resolve(
        "Kazakhs and Uzbeks welcomed the deal. Chinese businesses and Emirati officials "
        "signed contracts while Russian troops and Ukrainian police watched protesters."
    )
    group = find(mentions, "Kazakhs")
    assert {m.country for m in group.members} == {"KAZ", "UZB"}
    assert actor(mentions, "Chinese businesses").code == "CHNBUS"
    assert actor(mentions, "Emirati officials").code == "AREGOV"
    assert actor(mentions, "Russian troops").code == "RUSMIL"
    assert actor(mentions, "Ukrainian police").code == "UKRCOP"


def test_home_country_for_domestic_actors(resolve) -> None:  # type: ignore[no-untyped-def]
    mentions = resolve("The police detained protesters near the parliament.", home="KAZ")
    assert find(mentions, "police").actor.code == "KAZCOP"
    assert find(mentions, "protesters").actor.code == "KAZCVL"
    located = resolve("Police in Almaty detained protesters.", home="USA")
    assert find(located, "Police in Almaty").actor.code == "KAZCOP"


def test_dateline_abroad_is_not_home_for_the_story_country(resolve) -> None:  # type: ignore[no-untyped-def]
    # A Brussels dateline on a story about Belarus: its protesters are not Belgian.
    text = "The EU imposed sanctions on Belarus over the arrests of protesters."
    mentions = resolve(text, home="BEL")
    assert find(mentions, "protesters").actor.country == "BLR"
    # Once the story names the dateline's country, it is home again.
    named = resolve("Belgium and Belarus met. Police detained protesters.", home="BEL")
    assert find(named, "protesters").actor.country == "BEL"


def test_chad_smith_is_not_chad(resolve) -> None:  # type: ignore[no-untyped-def]
    mentions = resolve("Chad Smith, a spokesman for the company, said prices would rise.")
    assert "TCD" not in {m.actor.country for m in mentions}
    assert find(mentions, "Chad Smith").actor.kind == "person"
    assert actor(resolve("Chad and Niger signed a border treaty."), "Chad").code == "TCD"


def test_jordan_the_person(resolve) -> None:  # type: ignore[no-untyped-def]
    mentions = resolve("Michael Jordan visited Chicago. Later, Jordan said he was happy.")
    assert all(m.actor.country != "JOR" for m in mentions)
    second = [m for m in mentions if m.actor.text == "Jordan"]
    assert second and second[0].actor.name == "Michael Jordan"
    assert actor(resolve("Jordan and Israel signed an agreement."), "Jordan").code == "JOR"


def test_organisations_and_armed_groups(resolve) -> None:  # type: ignore[no-untyped-def]
    mentions = resolve(
        "UN peacekeepers, NATO and the EU condemned Hamas and Hezbollah fighters.",
        when=dt.date(2024, 1, 1),
    )
    assert actor(mentions, "UN peacekeepers").code == "IGOUNOMIL"
    assert actor(mentions, "NATO").code == "IGOWSTNAT"
    assert actor(mentions, "EU").code == "IGOEUREEC"
    assert actor(mentions, "Hamas").code == "PSEREB"
    assert actor(mentions, "Hezbollah fighters").code == "LBNREB"
    taliban_2020 = resolve("The Taliban attacked a checkpoint.", when=dt.date(2020, 1, 1))
    taliban_2023 = resolve("The Taliban issued a decree.", when=dt.date(2023, 1, 1))
    assert find(taliban_2020, "Taliban").actor.code == "AFGREB"
    assert find(taliban_2023, "Taliban").actor.code == "AFGGOV"


def test_code_phrase(resolver: ActorResolver) -> None:
    assert resolver.code_phrase("Kazakh Foreign Ministry").code == "KAZGOV"  # type: ignore[union-attr]
    assert resolver.code_phrase("Israeli army").code == "ISRMIL"  # type: ignore[union-attr]
    assert resolver.code_phrase("the Kremlin").code == "RUSGOV"  # type: ignore[union-attr]
    assert resolver.code_phrase("U.N. Security Council").code.startswith("IGOUNO")  # type: ignore[union-attr]
    nazarbayev = resolver.code_phrase("Nazarbayev", when=dt.date(2022, 1, 10))
    assert nazarbayev is not None and nazarbayev.code == "KAZELI"
    assert resolver.code_phrase("the weather") is None
    assert resolver.code_phrase("") is None


def test_a_role_in_coordinated_countries_is_each_countrys(resolve) -> None:  # type: ignore[no-untyped-def]
    group = next(
        m for m in resolve("Officials in France and Germany welcomed the deal.") if m.members
    )
    assert [a.code for a in group.members] == ["FRAGOV", "DEUGOV"]
    # only a role placed "in" the first country distributes: "French officials and
    # Germany" are two actors, the second no government of its own
    mentions = resolve("French officials and Germany welcomed the deal.")
    codes = {a.code for m in mentions for a in (m.members or [m.actor])}
    assert "FRAGOV" in codes
    assert "DEUGOV" not in codes


def test_appositive_description_with_adjectives_codes_the_name(resolve) -> None:  # type: ignore[no-untyped-def]
    # The description after the comma may carry adjectives before its role noun.
    mentions = resolve("Amina Okoro, Nigeria's most prominent human rights activist, spoke.")
    activist = find(mentions, "Amina Okoro").actor
    assert (activist.code, activist.name) == ("NGAOPP", "Amina Okoro")
    mentions = resolve("Omar Said, a veteran Egyptian lawyer, spoke.")
    assert find(mentions, "Omar Said").actor.country == "EGY"
    # An adjective alone is no description: the name stays uncoded.
    mentions = resolve("Omar Said, tired and angry, spoke.")
    assert find(mentions, "Omar Said").actor.country is None


def test_actors_at_a_given_span(resolver: ActorResolver, nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Hungarian officials and the Slovak president met Austrian police in Vienna."
    doc = nlp(text)
    mentions = resolver.resolve(doc)

    def at(phrase: str) -> list[tuple[str, str | None, str | None]]:
        start = text.index(phrase)
        actors = resolver.actors_at(doc, mentions, (start, start + len(phrase)))
        return [(a.text, a.country, a.sector) for a in actors]

    # the sentence decides: "Hungarian" alone is a government here, not the nationality
    assert at("Hungarian") == [("Hungarian", "HUN", "GOV")]
    both = at("Hungarian officials and the Slovak president")
    assert [(c, s) for _, c, s in both] == [("HUN", "GOV"), ("SVK", "GOV")]
    assert at("Austrian police") == [("Austrian police", "AUT", "COP")]
    # a span no mention covers is coded as a phrase, else left uncoded
    assert at("met")[0][1] is None and at("met")[0][0] == "met"
