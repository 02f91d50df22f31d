"""Property tests: any text is handled without a crash, and cleaning only removes.

The body is a cleanup that keeps the input's own characters: every body line occurs in the
input, so character offsets into the body always point at text that was really there.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.errors import InputError
from dateline.ingest import article_from_text
from dateline.ingest._text import clean_text, normalise_newlines
from dateline.model import Article

# Text that looks a little like news: words, capitals, dashes, parentheses and line breaks.
newsy = st.text(
    alphabet=st.sampled_from(
        list("abcdefghij klmnop ABCDEFG XYZ,.;:—–-()/\"'’\n\n\r\t0123456789$é")
    ),
    max_size=600,
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=400), newsy))
def test_any_text_gives_an_article_or_an_input_error(text: str) -> None:
    try:
        art = article_from_text(text)
    except InputError as exc:
        assert exc.reason
        return
    assert isinstance(art, Article)
    assert art.body.strip()
    assert art.id


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=400), newsy))
def test_body_lines_come_from_the_input(text: str) -> None:
    cleaned = clean_text(text)
    source = normalise_newlines(text)
    for line in cleaned.body.split("\n"):
        assert line in source
    assert "\n\n\n" not in cleaned.body


PLACES = ["ASTANA", "LONDON", "WASHINGTON", "BEIJING", "KYIV, Ukraine", "UNITED NATIONS"]
OUTLETS = ["", " (Reuters)", " (AP)", " (TCA)", " (Xinhua)"]
SEPS = [" — ", " - ", " -- "]
TAILS = [
    "View more articles from TCA",
    "divider",
    "Share this article",
    "Subscribe to our newsletter",
    "(Reporting by Jane Doe; Editing by John Smith)",
    "Copyright 2024 Dateline Wire. All rights reserved.",
    "Follow us on Twitter",
]

sentence = st.builds(
    lambda subj, verb, obj: f"{subj} {verb} {obj} on Monday, officials said.",
    st.sampled_from(["The minister", "Kazakhstan", "The government", "China's envoy"]),
    st.sampled_from(["met", "criticised", "thanked", "visited", "warned"]),
    st.sampled_from(["the ambassador", "Uzbekistan", "the delegation", "its neighbours"]),
)
paragraph = st.lists(sentence, min_size=1, max_size=3).map(" ".join)


@settings(max_examples=150, deadline=None)
@given(
    headline=st.sampled_from(["Ministers meet to discuss trade", "Talks held on border issues"]),
    place=st.sampled_from(PLACES),
    outlet=st.sampled_from(OUTLETS),
    sep=st.sampled_from(SEPS),
    paras=st.lists(paragraph, min_size=3, max_size=5),  # at least MIN_ARTICLE_WORDS
    tail=st.lists(st.sampled_from(TAILS), max_size=4, unique=True),
)
def test_generated_wire_copy(
    headline: str, place: str, outlet: str, sep: str, paras: list[str], tail: list[str]
) -> None:
    text = "\n\n".join([headline, f"{place}{outlet}{sep}{paras[0]}", *paras[1:], *tail])
    art = article_from_text(text)
    assert art.title == headline
    assert art.dateline is not None
    assert art.dateline.place.upper() == place.split(",")[0]
    assert art.body == "\n\n".join(paras)
    for t in tail:
        assert t not in art.body
