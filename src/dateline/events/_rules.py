"""Trigger rules: the model of one lexicon entry (``TriggerRule``) and the parsers of its
``requires`` and ``target`` columns and word patterns (see ``lexicon``'s docstring and
``docs/triggers.md``).

A leaf of ``events``: the shipped lexicon (``lexicon``) and the PETRARCH/TABARI verb
dictionary importer (``_petrarch_verbs``) both build rules with it.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from dateline.errors import DictionaryError
from dateline.events._words import word_class

# The rules of frames coded outside the lexicon's head-word matching (``frame_rule``).
FRAMES_FILE = "data/events/frames.tsv"

# Dependency constraints a rule may put on its head word (see the TSV header).
VALID_REQUIRE_KEYS = {
    "obj",
    "prt",
    "prep",
    "xcomp",
    "neg",
    "pobj",
    "mod",
    "subj",
    "clause",
    "tail",
    "content",
}
# A value "@name" stands for every word of word class ``name`` (data/events/word_classes.tsv):
# "obj=@discourse_object", "tail=@negative_evaluation".
CLASS_PREFIX = "@"
# Requirements that take no values: the head is negated, the head has a that-clause.
VALUELESS_KEYS = {"neg", "clause"}
# Requirements on the head's spelling and on the words around it (see ``lexicon``'s docstring).
WORD_REQUIREMENT_KEYS = {"form", "words", "nowords"}
VALID_REQUIRE_KEYS |= WORD_REQUIREMENT_KEYS
# ``phrase=in:1``: after the word "in" in the head's phrase there is a noun phrase past one
# noun phrase (where a PETRARCH pattern's "IN ^ +" puts its actor: without one, the pattern
# does not match, and a less specific one may).
VALID_REQUIRE_KEYS.add("phrase")
_PHRASE_REQUIREMENT = re.compile(r"[a-z0-9'.\-]*:\d+")
# A word pattern: slots joined by "_" (adjacent) or "~" (gap allowed), one slot "*".
_PATTERN_SPLIT = re.compile(r"([_~])")
TRIGGER_SLOT = "*"
_SLOT_SPLIT = re.compile(r"[_~]")
# Words of a pattern that negate it ("did_n't": spaCy splits "didn't" as the Treebank does).
NEGATION_WORDS = frozenset({"not", "n't", "never", "no"})
COORDINATED_SLOT = "%"
# "after": the first coded actor after the trigger in its clause; "before": the subject in
# front of it, active or passive (a dictionary pattern's marker before the verb); "clause":
# the subject of the verb's that-clause ("allowed that *X* is ..."); "instrument": whom what
# the act is done "with" is aimed at ("hit back with duties *on X*").
VALID_TARGETS = {
    "obj",
    "between",
    "poss",
    "dative",
    "none",
    "subj",
    "after",
    "before",
    "clause",
    "purpose",
    "instrument",
}
# "prep:with": the object of "with"; "np:in:1": the first actor in the noun phrases after the
# word "in", past one noun phrase (PETRARCH's "IN ^ +"; "np::0" right after the verb);
# "before:hosting": the actor before the word "hosting" (PETRARCH's "+ HOSTING *").
VALID_TARGET_PREFIXES = ("prep:", "np:", "before:")
# The kinds of actor a target alternative may be limited to (``Actor.kind``).
ACTOR_KINDS = {"person", "organisation", "country", "group", "place"}
_NP_TARGET = re.compile(r"np:[a-z0-9'.\-]*:\d+")


@dataclass(frozen=True)
class Requirement:
    key: str
    values: frozenset[str] = frozenset()


@dataclass(frozen=True)
class TriggerRule:
    id: str
    lemma: str
    pos: str
    requires: tuple[Requirement, ...]
    targets: tuple[str, ...]
    cameo: str
    note: str = ""
    # Explicit specificity, for imported patterns whose constraints are words, not frames:
    # the number of pattern words (0 for a bare verb). None: count the requirements.
    rank: int | None = None
    # The code of the reverse event (target towards source) that a dictionary gives with
    # ``[code:reverse]`` (PETRARCH: "ARRIVE [032:033]"): the coder also emits the swapped
    # event (target towards source) with this code.
    reverse_cameo: str | None = None
    # Literal rules code what they say: their pattern encodes modality and negation itself
    # (PETRARCH's "WILL * [code]", "NOT * [code]"), so the grammar's mood does not re-code
    # them. Imported dictionary rules are literal; the shipped lexicon's are not.
    literal: bool = False
    # The pattern's actor is a compound ("% * TIES": "X and Y renewed ties"): with no other
    # target, every ordered pair of the coordinated subjects codes the event.
    compound: bool = False
    # Where the source is, for a dictionary pattern that names it after the verb (PETRARCH's
    # "+ * FROM $": "X was freed from *Y*"), in the vocabulary of ``targets``; the first
    # that names an actor. Empty: the subject (the passive's agent), as for every rule.
    sources: tuple[str, ...] = ()

    @property
    def specificity(self) -> int:
        return len(self.requires) if self.rank is None else self.rank

    @property
    def encodes_negation(self) -> bool:
        """The rule's own frame is negated (``neg``, or its ``words=`` patterns have a
        negation: PETRARCH's "NOT * RELATIONS [112]", "&NEGATVAUXVRB * [...]"): its code is
        that of the negated act, so its events are not flagged ``negated``. (Any pattern
        counts: a synset's variants include made-up plurals such as "did_n'ts".)"""
        for req in self.requires:
            if req.key == "neg":
                return True
            if req.key == "words" and any(
                NEGATION_WORDS & set(_SLOT_SPLIT.split(v)) for v in req.values
            ):
                return True
        return False


def parse_requires(text: str) -> tuple[Requirement, ...]:
    out = []
    for part in text.split():
        key, _, values = part.partition("=")
        if key not in VALID_REQUIRE_KEYS:
            raise ValueError(f"unknown requirement {key!r}")
        if key not in VALUELESS_KEYS and not values:
            raise ValueError(f"requirement {key!r} needs values")
        if key in {"words", "nowords"}:
            for value in values.split("|"):
                parse_word_pattern(value)  # raises ValueError on a malformed pattern
        if key == "phrase" and not all(_PHRASE_REQUIREMENT.fullmatch(v) for v in values.split("|")):
            raise ValueError(f"requirement phrase={values} is not phrase=WORD:SKIPS")
        words: set[str] = set()
        for value in values.split("|"):
            if value.startswith(CLASS_PREFIX) and key not in WORD_REQUIREMENT_KEYS:
                try:
                    words |= word_class(value[len(CLASS_PREFIX) :])
                except DictionaryError as exc:
                    raise ValueError(str(exc)) from None  # a bad row, skipped with a warning
            elif value:
                words.add(value.lower())
        out.append(Requirement(key, frozenset(words)))
    return tuple(out)


def parse_targets(text: str) -> tuple[str, ...]:
    targets = tuple(t.strip() for t in text.split("|") if t.strip()) or ("obj",)
    for spec in targets:
        # "prep:from@organisation": the alternative holds only for an actor of that kind
        target, _, kind = spec.partition("@")
        if kind and kind not in ACTOR_KINDS:
            raise ValueError(f"unknown actor kind {kind!r} in target {spec!r}")
        if target not in VALID_TARGETS and not target.startswith(VALID_TARGET_PREFIXES):
            raise ValueError(f"unknown target {target!r}")
        if target.startswith("np:") and not _NP_TARGET.fullmatch(target):
            raise ValueError(f"target {target!r} is not np:WORD:SKIPS")
    return targets


@lru_cache(maxsize=4096)
def parse_word_pattern(
    pattern: str,
) -> tuple[tuple[tuple[str, bool], ...], tuple[tuple[str, bool], ...]]:
    """``a~b_*~c`` -> slots before the head, nearest first, and slots after it, in order.

    Each slot is (word, adjacent): ``adjacent`` means it must be the token right next to the
    slot matched before it (for the first slot on either side: next to the head).
    """
    parts = _PATTERN_SPLIT.split(pattern.lower())
    words, connectors = parts[0::2], parts[1::2]
    if any(not w for w in words) or words.count(TRIGGER_SLOT) != 1:
        raise ValueError(f"word pattern {pattern!r} needs one '*' and no empty slot")
    at = words.index(TRIGGER_SLOT)
    before = tuple(
        (words[i], connectors[i] == "_") for i in range(at - 1, -1, -1)
    )  # connectors[i] joins words[i] and words[i + 1]: nearest-first adjacency
    after = tuple((words[i], connectors[i - 1] == "_") for i in range(at + 1, len(words)))
    return before, after


def _slots_match(slots: Sequence[tuple[str, bool]], tokens: Sequence[tuple[str, bool]]) -> bool:
    """Do the slots occur in ``tokens`` in order (token 0 is next to the head)?"""
    reachable = {-1}  # positions where the previous slot can end; -1 is the head
    for word, adjacent in slots:
        first = min(reachable) + 1
        positions = {p + 1 for p in reachable} if adjacent else set(range(first, len(tokens)))
        reachable = {
            p
            for p in positions
            if p < len(tokens)
            and (tokens[p][1] if word == COORDINATED_SLOT else tokens[p][0] == word)
        }
        if not reachable:
            return False
    return True


def words_match(
    pattern: str, before: Sequence[tuple[str, bool]], after: Sequence[tuple[str, bool]]
) -> bool:
    """Does a ``words=`` pattern hold? ``before`` and ``after`` are the tokens around the head
    as (lower-case text, coordinated) in text order."""
    slots_before, slots_after = parse_word_pattern(pattern)
    return _slots_match(slots_before, before[::-1]) and _slots_match(slots_after, after)


@cache
def _frame_rules() -> dict[str, TriggerRule]:
    text = resources.files("dateline").joinpath(FRAMES_FILE).read_text("utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    rules: dict[str, TriggerRule] = {}
    for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
        rules[row["id"]] = TriggerRule(
            id=row["id"],
            lemma=row["lemma"],
            pos=row["pos"],
            requires=parse_requires(row["requires"] or ""),
            targets=parse_targets(row["target"] or ""),
            cameo=row["cameo"],
            note=row["note"] or "",
        )
    return rules


def frame_rule(rule_id: str) -> TriggerRule:
    """The rule, by id, of a frame a module of ``events`` codes outside the trigger lexicon's
    head-word matching ("called for Y to ...", help arriving from abroad): a row of
    ``data/events/frames.tsv``. Its id is the ``Event.rule`` of what the frame codes."""
    return _frame_rules()[rule_id]
