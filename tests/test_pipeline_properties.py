"""Property tests of the whole text pipeline (hypothesis): whatever the text,

- coding never crashes (an ``InputError`` from cleaning is the only allowed refusal);
- every offset in the output indexes into ``article.body`` and cuts out exactly the text it
  quotes (evidence sentences, triggers, sources, targets, entities, quantities);
- the output validates against the JSON Schema (``dateline.model.output_schema()``).

Texts are random Unicode, and news-like sentences assembled from actors, verbs, dates and
places, spiced with hostile characters (combining marks, zero-width and direction marks,
emoji, odd line breaks, all caps), so that events, entities and quantities do come out.
The pipeline is loaded once per session; example counts are modest (a 2-core machine).

(Named ``test_pipeline_properties`` because ``tests/ingest/test_properties.py`` exists and
test modules here are imported by their base name.)
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from dateline.errors import InputError
from dateline.ingest import article_from_html, article_from_text
from dateline.model import Article, Document, output_schema

sys.path.insert(0, str(Path(__file__).parent / "reliability"))
from reliability_docs import offset_problems  # noqa: E402

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

# Examples per test; DATELINE_PROPERTY_EXAMPLES=2000 for a deeper hunt.
EXAMPLES = int(os.environ.get("DATELINE_PROPERTY_EXAMPLES", "100"))
SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

ACTORS = [
    "Kazakhstan", "China", "Russia", "the United States", "Ukraine", "Iran", "the European Union",
    "NATO", "the United Nations", "Chinese Foreign Minister Wang Yi", "President Vladimir Putin",
    "Kazakh officials", "the Kyrgyz government", "rebels", "police", "protesters",
    "the two countries", "both sides", "he", "she", "they", "Moscow", "Beijing's envoy",
    "the ministry", "Japan's prime minister", "South Korean troops", "the Taliban",
]  # fmt: skip
VERBS = [
    "met", "accused", "signed an agreement with", "threatened to attack", "did not attack",
    "may sanction", "criticised", "praised", "visited", "hosted", "expelled diplomats from",
    "arrested citizens of", "promised aid to", "rejected the proposal of", "urged",
    "held talks with", "imposed sanctions on", "fired on", "apologised to", "warned",
    "agreed to negotiate with", "denied accusations by", "welcomed", "condemned",
]  # fmt: skip
TAILS = [
    "", " on Monday", " in Astana", " last week", " on 9 November 2018", " in March",
    " over $3 billion in loans", " after 12 soldiers were killed", " near the border",
    ", officials said", " in Beijing on Friday", " (Reuters)", " for the second time",
]  # fmt: skip
HOSTILE = [
    "\u0301", "\u200b", "\u200d", "\u202e", "\u2066", "\ufeff", "\u00a0", "\u2028", "\u2029",
    "\r\n", "\r", "\n\n", "\t", "😀", "👩‍👩‍👧", "𝕏", "ﬁ", "Å", "İ", "ß", "ǅ", "\u0000", "\x7f",
    "“", "”", "’", "—", "…", "‹", "»", "¿", "‽",
]  # fmt: skip


@st.composite
def news_sentence(draw: st.DrawFn) -> str:
    text = f"{draw(st.sampled_from(ACTORS))} {draw(st.sampled_from(VERBS))} "
    text += draw(st.sampled_from(ACTORS)) + draw(st.sampled_from(TAILS)) + "."
    return text[0].upper() + text[1:]


@st.composite
def noisy(draw: st.DrawFn, part: st.SearchStrategy[str]) -> str:
    """Sentences joined by spaces or line breaks, with hostile characters put anywhere."""
    sentences = draw(st.lists(part, min_size=1, max_size=8))
    text = ""
    for sentence in sentences:
        text += sentence + draw(st.sampled_from([" ", " ", "\n", "\n\n", "  "]))
    for _ in range(draw(st.integers(0, 6))):
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.sampled_from(HOSTILE)) + text[at:]
    if draw(st.booleans()) and draw(st.booleans()):
        text = text.upper()
    return text


news = noisy(news_sentence())
anything = st.one_of(
    st.text(max_size=300),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=300),
    noisy(st.text(min_size=1, max_size=80)),
    news,
)


@pytest.fixture(scope="session")
def pipeline() -> Any:
    from dateline.pipeline import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def validator() -> jsonschema.protocols.Validator:
    return jsonschema.Draft202012Validator(output_schema())


def assert_sound(doc: Document, validator: jsonschema.protocols.Validator) -> dict[str, Any]:
    data = json.loads(doc.to_json())
    errors = [f"{'/'.join(map(str, e.path))}: {e.message}" for e in validator.iter_errors(data)]
    assert errors == []
    assert offset_problems(data) == []
    assert data["article"]["body"] == doc.article.body
    return data


@SETTINGS
@given(body=anything)
def test_any_body_codes_to_sound_output(
    pipeline: Any, validator: jsonschema.protocols.Validator, body: str
) -> None:
    """The coder on any body at all (cleaning skipped, language forced to English)."""
    doc = pipeline.code(Article(body=body, language="en"))
    assert_sound(doc, validator)


@SETTINGS
@given(text=st.one_of(news, anything))
def test_any_text_cleans_and_codes_to_sound_output(
    pipeline: Any, validator: jsonschema.protocols.Validator, text: str
) -> None:
    try:
        article = article_from_text(text, published="2018-11-09")
    except InputError:
        return
    assert_sound(pipeline.code(article), validator)


@SETTINGS
@given(text=news)
def test_news_like_text_gives_events_that_quote_the_body(
    pipeline: Any, validator: jsonschema.protocols.Validator, text: str
) -> None:
    """The same checks where events do come out (``assume`` drops the rare event-less draw)."""
    doc = pipeline.code(Article(body=text, language="en", published="2018-11-09"))
    assume(doc.events)
    data = assert_sound(doc, validator)
    for event in data["events"]:
        assert event["sentence"]["text"].strip()
        assert event["trigger"]["text"].strip()


@settings(SETTINGS, max_examples=max(1, EXAMPLES // 2))  # trafilatura makes these slower
@given(
    paragraphs=st.lists(noisy(news_sentence()), min_size=1, max_size=5),
    junk=st.text(alphabet="<>/&;\"'=!-[]x ", max_size=60),
)
def test_html_pages_code_to_sound_output(
    pipeline: Any, validator: jsonschema.protocols.Validator, paragraphs: list[str], junk: str
) -> None:
    from html import escape

    body = "".join(f"<p>{escape(p)}</p>{junk}" for p in paragraphs)
    page = f"<html><head><title>t</title></head><body><article>{body}</article></body></html>"
    try:
        article = article_from_html(page, published="2018-11-09")
    except InputError:
        return
    assert_sound(pipeline.code(article), validator)
