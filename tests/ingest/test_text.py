"""Plain-text cleaning on wire copy written for these tests (fictional, realistic).

Each case states what must be in the body and what must not.
"""

from __future__ import annotations

import pytest

from dateline.errors import InputError
from dateline.ingest import article_from_text, match_dateline
from dateline.ingest._text import normalise_newlines

REUTERS = """\
UPDATE 1-Japan, South Korea agree to resume security dialogue

By Mariko Tanaka and Jae-won Park

TOKYO, March 3 (Reuters) - Japan and South Korea agreed on Friday to resume a \
security dialogue suspended since 2018, the two foreign ministries said in a joint statement.

The talks will cover North Korea's missile programme and maritime security, the \
statement said. Officials from both sides are due to meet in Seoul next month.

"This is an important step," a Japanese foreign ministry spokesperson told reporters.

(Reporting by Mariko Tanaka in Tokyo and Jae-won Park in Seoul; Editing by Robert Hale)
"""

AP = """\
Ukraine says it downed 20 drones overnight

KYIV, Ukraine (AP) — Ukraine's air force said Tuesday it shot down 20 of 24 drones \
launched by Russia overnight, as officials in the southern region of Odesa reported \
damage to port infrastructure.

Regional governor Oleh Kiper said two people were injured when debris fell on a warehouse.

Russia's Defense Ministry said its forces had struck military targets and did not comment \
on the damage in Odesa.

Associated Press writer Hanna Arhirova in Kyiv contributed to this report.

___

Follow AP's coverage of the war in Ukraine at https://apnews.com/hub/russia-ukraine

Copyright 2024 The Associated Press. All rights reserved. This material may not be \
published, broadcast, rewritten or redistributed without permission.
"""

XINHUA = """\
China, Brazil pledge to deepen trade cooperation

BEIJING, Nov. 9 (Xinhua) -- Chinese Vice Premier Liu Wen met with Brazilian Foreign \
Minister Carlos Andrade in Beijing on Thursday, and the two sides pledged to deepen \
cooperation in trade, agriculture and energy.

Liu said China is willing to work with Brazil to expand imports of Brazilian farm \
products. Andrade said Brazil welcomes Chinese investment in infrastructure.

Enditem
"""

UN = """\
Security Council extends Mali mission for a year

By Sarah Okafor

UNITED NATIONS — The U.N. Security Council voted unanimously on Wednesday to extend the \
peacekeeping mission in Mali for another year, despite objections from the government in \
Bamako about the mission's mandate.

France drafted the resolution, which asks the Secretary-General to report every three \
months on the security situation.

Share this article
Share on Facebook
Sarah Okafor is a correspondent covering the United Nations for Dateline Wire. She \
previously reported from Lagos and Nairobi.
"""

LONDON = """\
Britain summons Iranian envoy over detention of aid worker
Foreign Office demands consular access

Published: 12 March 2024 10:32 GMT

LONDON — Britain summoned Iran's ambassador on Tuesday over the detention of a British \
aid worker in Tehran, the Foreign Office said, and demanded immediate consular access.

Advertisement

A Foreign Office minister told the ambassador that the detention was unacceptable and \
called for the aid worker's release.

Iran's embassy did not respond to a request for comment.

Related: Iran detains dual nationals amid tensions
Sign up for our daily newsletter
Tags: Iran, United Kingdom, diplomacy
"""

TASS = """\
MOSCOW, November 9. /TASS/. Russian Foreign Minister Pavel Orlov will hold talks with \
his Turkish counterpart in Ankara next week, the Russian Foreign Ministry said on Thursday.

The ministers will discuss the situation in Syria and bilateral trade, the ministry said.
"""

HARD_WRAPPED = """\
ADDIS ABABA, Ethiopia (Dateline Wire) - The African Union on Sunday
called for an immediate ceasefire in Sudan and offered to host talks
between the warring parties in Addis Ababa.

The AU Peace and Security Council said in a statement that it was
deeply concerned by reports of attacks on civilians in Darfur.
"""

NO_DATELINE = """\
The foreign ministers of Chile and Argentina met in Santiago on Monday to discuss a \
long-running dispute over fishing rights in the Beagle Channel. Both said the talks \
had been constructive.

Further meetings are planned for June, officials said.
"""


def _body_excludes(body: str, *gone: str) -> None:
    for g in gone:
        assert g not in body, f"{g!r} should have been removed"


def _body_lines_from_input(body: str, raw: str) -> None:
    norm = normalise_newlines(raw)
    for line in body.split("\n"):
        assert line in norm


def test_reuters_dateline_byline_and_credit() -> None:
    art = article_from_text(REUTERS, published="2023-03-04")
    assert art.title == "UPDATE 1-Japan, South Korea agree to resume security dialogue"
    assert art.author == "Mariko Tanaka and Jae-won Park"
    assert art.outlet == "Reuters"
    assert art.dateline is not None
    assert (art.dateline.place, art.dateline.country) == ("Tokyo", "JPN")
    assert art.dateline.date_text == "March 3"
    # a dateline date, completed with the year of the option, is more trusted than the option
    assert (art.published, art.published_source) == ("2023-03-03", "dateline")
    assert art.body.startswith("Japan and South Korea agreed on Friday")
    assert art.body.endswith("a Japanese foreign ministry spokesperson told reporters.")
    _body_excludes(art.body, "(Reuters)", "By Mariko", "Reporting by", "Editing by", "UPDATE 1")
    _body_lines_from_input(art.body, REUTERS)


def test_yearless_dateline_date_without_reference_is_not_a_publication_date() -> None:
    art = article_from_text(REUTERS)
    assert art.dateline is not None and art.dateline.date_text == "March 3"
    assert art.published is None
    assert art.published_source == "none"


def test_ap_dateline_with_country_and_trailing_block() -> None:
    art = article_from_text(AP)
    assert art.dateline is not None
    assert (art.dateline.place, art.dateline.country, art.dateline.outlet) == (
        "Kyiv",
        "UKR",
        "AP",
    )
    assert art.outlet == "AP"
    assert art.body.startswith("Ukraine's air force said Tuesday")
    assert art.body.endswith("did not comment on the damage in Odesa.")
    _body_excludes(art.body, "contributed to this report", "___", "Follow AP", "Copyright", "(AP)")


def test_xinhua_dateline_and_enditem() -> None:
    art = article_from_text(XINHUA, published="2023-11-10")
    assert art.dateline is not None
    assert (art.dateline.place, art.dateline.country, art.dateline.outlet) == (
        "Beijing",
        "CHN",
        "Xinhua",
    )
    assert (art.published, art.published_source) == ("2023-11-09", "dateline")
    assert art.body.startswith("Chinese Vice Premier Liu Wen met with")
    _body_excludes(art.body, "Enditem", "(Xinhua)", "--")
    assert "Brazil welcomes Chinese investment in infrastructure." in art.body


def test_united_nations_dateline_byline_and_biography() -> None:
    art = article_from_text(UN)
    assert art.dateline is not None
    assert art.dateline.place == "United Nations"
    assert art.dateline.country is None
    assert art.author == "Sarah Okafor"
    assert art.title == "Security Council extends Mali mission for a year"
    assert art.body.startswith("The U.N. Security Council voted unanimously")
    assert art.body.endswith("report every three months on the security situation.")
    _body_excludes(art.body, "Share", "is a correspondent", "previously reported", "By Sarah")


def test_london_header_lines_and_inline_boilerplate() -> None:
    art = article_from_text(LONDON)
    assert art.title == "Britain summons Iranian envoy over detention of aid worker"
    assert art.dateline is not None
    assert (art.dateline.place, art.dateline.country) == ("London", "GBR")
    assert art.body.startswith("Britain summoned Iran's ambassador on Tuesday")
    assert "called for the aid worker's release." in art.body
    assert art.body.endswith("did not respond to a request for comment.")
    _body_excludes(
        art.body, "Foreign Office demands", "Published:", "Advertisement", "Related:", "Tags:"
    )
    _body_excludes(art.body, "Sign up")


def test_tass_dateline() -> None:
    art = article_from_text(TASS)
    assert art.dateline is not None
    assert (art.dateline.place, art.dateline.outlet, art.dateline.country) == (
        "Moscow",
        "TASS",
        "RUS",
    )
    assert art.body.startswith("Russian Foreign Minister Pavel Orlov will hold talks")


def test_hard_wrapped_paragraphs_are_kept_verbatim() -> None:
    art = article_from_text(HARD_WRAPPED)
    assert art.dateline is not None
    assert (art.dateline.place, art.dateline.country) == ("Addis Ababa", "ETH")
    assert art.body.startswith("The African Union on Sunday\ncalled for an immediate ceasefire")
    assert "\n\nThe AU Peace and Security Council" in art.body
    _body_lines_from_input(art.body, HARD_WRAPPED)


def test_no_dateline_no_headline() -> None:
    art = article_from_text(NO_DATELINE)
    assert art.dateline is None
    assert art.title is None
    assert art.body == normalise_newlines(NO_DATELINE).strip()


def test_given_title_is_removed_from_the_top() -> None:
    text = "Ministers meet in Santiago\n\n" + NO_DATELINE
    art = article_from_text(text, title="Ministers meet in Santiago")
    assert art.title == "Ministers meet in Santiago"
    assert not art.body.startswith("Ministers meet")
    assert art.body.startswith("The foreign ministers of Chile and Argentina")


@pytest.mark.parametrize(
    ("line", "place", "country", "outlet", "date_text"),
    [
        ("ASTANA (TCA) — Kazakhstan's minister met", "Astana", "KAZ", "TCA", None),
        ("WASHINGTON, March 3 (Reuters) - The United States said", "Washington", "USA", "Reuters", "March 3"),  # noqa: E501
        ("LONDON — Britain said on Monday", "London", "GBR", None, None),
        ("BEIJING, Nov. 9 (Xinhua) -- China said on Friday", "Beijing", "CHN", "Xinhua", "Nov. 9"),
        ("KYIV, Ukraine (AP) — Ukraine said on Friday", "Kyiv", "UKR", "AP", None),
        ("UNITED NATIONS — The council voted", "United Nations", None, None, None),
        ("ST. PETERSBURG, Russia (AP) — Officials said on Friday", "St. Petersburg", "RUS", "AP", None),  # noqa: E501
        ("AUSTIN, Texas (AP) — The governor said", "Austin", "USA", "AP", None),
        ("NEW DELHI: India and Nepal signed an accord", "New Delhi", "IND", None, None),
        ("PARIS, 9 November 2023 (AFP) - France said on Friday", "Paris", "FRA", "AFP", "9 November 2023"),  # noqa: E501
        ("Astana (TCA) — Kazakhstan's minister met", "Astana", "KAZ", "TCA", None),
        ("SOMEVILLE, Ruritania — Officials said on Monday", "Someville", None, None, None),
    ],
)  # fmt: skip
def test_dateline_variants(
    line: str, place: str, country: str | None, outlet: str | None, date_text: str | None
) -> None:
    found = match_dateline(line)
    assert found is not None
    dl, cut = found
    assert (dl.place, dl.country, dl.outlet, dl.date_text) == (place, country, outlet, date_text)
    assert line[cut:][0].isupper()


@pytest.mark.parametrize(
    "line",
    [
        "Kazakhstan's Foreign Minister met the ambassador on Friday.",
        "The minister — who arrived on Monday — said talks went well.",
        "BREAKING: Earthquake hits the capital, officials say",
        "LONDON-based analysts said the deal was unlikely to hold.",
        "Officials in Brussels — the EU's capital — said the plan was ready.",
        "In 2019 - the year of the accord - trade doubled.",
    ],
)
def test_not_a_dateline(line: str) -> None:
    assert match_dateline(line) is None


def test_by_outlet_byline_sets_outlet_not_author() -> None:
    text = "By Reuters\n\n" + NO_DATELINE
    art = article_from_text(text)
    assert art.author is None
    assert art.outlet == "Reuters"
    assert "By Reuters" not in art.body


def test_text_that_cleaning_would_empty_is_kept_whole() -> None:
    art = article_from_text("Share this article\n\n\n\nSubscribe to our newsletter  ")
    assert art.body == "Share this article\n\nSubscribe to our newsletter"
    with pytest.raises(InputError, match="empty text"):
        article_from_text(" \n\t ")


def test_same_text_same_id_different_origin() -> None:
    a = article_from_text(AP, origin="a.txt", url="https://a.example/1")
    b = article_from_text(AP.replace("\n", "\r\n"), origin="b.txt", url="https://b.example/2")
    assert a.id == b.id
    assert a.origin != b.origin


def test_language_is_detected() -> None:
    fr = (
        "PARIS (AFP) — Le ministre des Affaires étrangères a reçu lundi son homologue "
        "allemand pour discuter de la guerre en Ukraine et de la politique européenne de "
        "défense, a indiqué le ministère dans un communiqué publié à l'issue de la rencontre."
    )
    assert article_from_text(fr).language == "fr"
    assert article_from_text(AP).language == "en"


def test_dash_after_an_acronym_further_down_is_not_a_dateline() -> None:
    text = (
        "The minister arrived in the capital on Monday for two days of talks with officials.\n\n"
        "He was greeted at the airport by his counterpart and a military band.\n\n"
        "NATO — the alliance he has criticised — was not on the agenda, officials said."
    )
    art = article_from_text(text)
    assert art.dateline is None
    assert art.body == text


def test_record_dates_are_absolute_dates_only() -> None:
    from dateline.ingest._dates import normalise_published

    assert normalise_published("2018-11-09T10:00:00Z") == "2018-11-09"
    assert normalise_published("Fri, 09 Nov 2018 10:00:00 GMT") == "2018-11-09"
    assert normalise_published("Nov 9, 2018") == "2018-11-09"
    assert normalise_published("yesterday") is None
    assert normalise_published("2 hours ago") is None
    assert normalise_published("November 2018") is None
    assert normalise_published("2018-13-45") is None
