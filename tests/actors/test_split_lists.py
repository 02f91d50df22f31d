"""A noun chunk the parser built across a coordination ("Zembla and the evil Borduria" read as
one phrase headed by "Borduria") is split into its conjuncts, which form one group. The parses
are given as spaCy produces them for such sentences, so the test does not depend on the model
making that mistake; the dictionary is written for these tests."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.tokens import Doc

from dateline.actors import ActorResolver, Mention
from dateline.actors._kb import KnowledgeBase
from dateline.actors._load import build_kb
from dateline.actors._tabari import load_dictionary

ACTORS = """\
ZEMBLA [ZEM]
BORDURIA [BOR]
SYLDAVIA [SYL]
TRINIDAD_AND_TOBAGO [TTO]
"""

# (word, tag, pos, dep, head) per token; heads are token indexes
Parse = list[tuple[str, str, str, str, int]]

TWO: Parse = [
    ("Zembla", "NNP", "PROPN", "nmod", 5),
    ("and", "CC", "CCONJ", "cc", 0),
    ("the", "DT", "DET", "det", 4),
    ("evil", "JJ", "ADJ", "amod", 4),
    ("awful", "NN", "NOUN", "conj", 0),
    ("Borduria", "NNP", "PROPN", "nsubj", 6),
    ("protested", "VBD", "VERB", "ROOT", 6),
    (".", ".", "PUNCT", "punct", 6),
]

THREE: Parse = [
    ("Zembla", "NNP", "PROPN", "nmod", 7),
    (",", ",", "PUNCT", "punct", 0),
    ("Syldavia", "NNP", "PROPN", "conj", 0),
    ("and", "CC", "CCONJ", "cc", 2),
    ("the", "DT", "DET", "det", 6),
    ("evil", "JJ", "ADJ", "amod", 6),
    ("awful", "NN", "NOUN", "conj", 2),
    ("Borduria", "NNP", "PROPN", "nsubj", 8),
    ("protested", "VBD", "VERB", "ROOT", 8),
    (".", ".", "PUNCT", "punct", 8),
]

MODIFIERS: Parse = [
    ("Zembla", "NNP", "PROPN", "poss", 5),
    ("'s", "POS", "PART", "case", 0),
    ("evil", "JJ", "ADJ", "amod", 5),
    ("and", "CC", "CCONJ", "cc", 2),
    ("awful", "JJ", "ADJ", "conj", 2),
    ("minister", "NN", "NOUN", "nsubj", 6),
    ("protested", "VBD", "VERB", "ROOT", 6),
    (".", ".", "PUNCT", "punct", 6),
]

ONE_NAME: Parse = [
    ("Trinidad", "NNP", "PROPN", "nmod", 2),
    ("and", "CC", "CCONJ", "cc", 0),
    ("Tobago", "NNP", "PROPN", "nsubj", 3),
    ("protested", "VBD", "VERB", "ROOT", 3),
    (".", ".", "PUNCT", "punct", 3),
]


@pytest.fixture(scope="module")
def resolver() -> ActorResolver:
    kb: KnowledgeBase = build_kb()
    load_dictionary(kb, ACTORS, "test.actors")
    return ActorResolver(kb)


def _doc(nlp: Any, parse: Parse) -> Doc:
    words = [w for w, *_ in parse]
    spaces = [
        i + 1 < len(words) and words[i + 1] not in {",", ".", "'s"} for i in range(len(words))
    ]
    return Doc(
        nlp.vocab,
        words=words,
        spaces=spaces,
        tags=[t for _, t, _, _, _ in parse],
        pos=[p for _, _, p, _, _ in parse],
        deps=[d for _, _, _, d, _ in parse],
        heads=[h for *_, h in parse],
    )


def _codes_at(mentions: list[Mention], doc: Doc, word: str) -> set[str | None]:
    """The codes the mention covering ``word`` stands for (its members', if a group)."""
    i = next(t.idx for t in doc if t.text == word)
    for m in mentions:
        if m.start <= i < m.end:
            return {a.code for a in m.members} if m.members else {m.actor.code}
    return set()


def test_a_name_and_a_described_name_are_a_group_of_both(nlp, resolver) -> None:  # type: ignore[no-untyped-def]
    doc = _doc(nlp, TWO)
    assert _codes_at(resolver.resolve(doc), doc, "Borduria") == {"ZEM", "BOR"}


def test_a_comma_list_before_the_conjunction_joins_the_group(nlp, resolver) -> None:  # type: ignore[no-untyped-def]
    doc = _doc(nlp, THREE)
    assert _codes_at(resolver.resolve(doc), doc, "Borduria") == {"ZEM", "SYL", "BOR"}


def test_coordinated_modifiers_are_not_a_list_of_actors(nlp, resolver) -> None:  # type: ignore[no-untyped-def]
    doc = _doc(nlp, MODIFIERS)
    mentions = resolver.resolve(doc)
    assert not any(m.members for m in mentions)


def test_a_name_with_a_conjunction_inside_stays_one_actor(nlp, resolver) -> None:  # type: ignore[no-untyped-def]
    doc = _doc(nlp, ONE_NAME)
    assert _codes_at(resolver.resolve(doc), doc, "Tobago") == {"TTO"}
