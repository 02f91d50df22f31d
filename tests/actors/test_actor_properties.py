"""Random text never crashes the resolver, and its mentions are always well-formed."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.actors import ActorResolver

# Words that exercise the knowledge base (names, titles, references) mixed with noise.
VOCABULARY = [
    "Kazakhstan", "China", "’s", "'s", "Foreign", "Minister", "President", "the", "two",
    "countries", "both", "sides", "parties", "Mr.", "Chad", "Smith", "Jordan", "said", "and",
    "of", "to", "in", "Beijing", "Kremlin", "police", "protesters", "UN", "U.S.", "former",
    "Nazarbayev", "Tokayev", "Kazakh", "Chinese", "Ambassador", "Xiao", "Zhang", ",", ".",
    "—", "(", ")", "-", "al", "Qaeda", "ethnic", "Kurds", "minister", "he", "\n\n", "ASTANA",
    "Taliban", "army", "Hamas", "of the", "Ivory", "Coast", "Kairat", "Abdrakhmanov",
]  # fmt: skip

words = st.lists(st.sampled_from(VOCABULARY) | st.text(max_size=8), max_size=40)
dates = st.none() | st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2030, 12, 31))
homes = st.sampled_from([None, "KAZ", "CHN", "XYZ", "IGO"])


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(tokens=words, when=dates, home=homes)
def test_resolve_never_crashes_and_offsets_are_valid(
    nlp, resolver: ActorResolver, tokens, when, home
) -> None:  # type: ignore[no-untyped-def]  # noqa: E501
    text = " ".join(tokens)
    doc = nlp(text)
    mentions = resolver.resolve(doc, when=when, home_country=home)
    previous_end = -1
    for mention in mentions:
        assert 0 <= mention.start < mention.end <= len(text)
        assert mention.start >= previous_end  # sorted and non-overlapping
        previous_end = mention.end
        assert text[mention.start : mention.end] == mention.actor.text
        assert 0 <= mention.head < len(doc)
        for member in mention.members:
            assert member.code is None or member.code.isupper() or member.code[:3].isupper()
        code = mention.actor.code
        assert code is None or (code.isalnum() and len(code) >= 3)


@settings(max_examples=80, deadline=None)
@given(text=st.text(max_size=60), when=dates)
def test_code_phrase_never_crashes(resolver: ActorResolver, text: str, when) -> None:  # type: ignore[no-untyped-def]
    actor = resolver.code_phrase(text, when=when)
    if actor is not None:
        assert actor.code is None or actor.code[:3].isupper()
