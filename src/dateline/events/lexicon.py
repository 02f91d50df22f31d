"""The trigger lexicon: which words, in which syntactic frame, signal which CAMEO event.

The lexicon is a TSV data file (``data/events/triggers.tsv``; format in its header and in
``docs/triggers.md``). Users extend it with their own files of the same format, or with a
PETRARCH/TABARI verb dictionary (``--- VERB [code] ---`` blocks; detected from its content and
translated by ``_petrarch_verbs``). Each row becomes a ``TriggerRule``; its ``id`` ends up in
every event it produces (``Event.rule``).

Requirements on a rule's head word (the ``requires`` column), besides the dependency frames:

* ``form=said|says``: the head is spelled one of these ways (lower case): a dictionary that
  lists verb forms ("SAID" apart from "SAYS") keeps that distinction.
* ``words=PATTERN|PATTERN...``: at least one word pattern holds around the head.
  ``nowords=...``: none does. A pattern is a run of slots joined by ``_`` (the next slot is
  the very next token) or ``~`` (any number of tokens may come between); exactly one slot is
  ``*``, the head itself. Slots before it are looked for in the head's sentence before the
  head; slots after it in the tokens after the head up to the end of its own phrase (its
  subtree, without coordinated clauses). A slot is a lower-case word compared with the
  token's text, or ``%``: a coordinated word ("*Gondor* and Osgiliath").
  ``said~should_*~talks`` holds for "begin" in "X said it should begin peace talks", not in
  "X said it should soon begin talks" (``should_*``: "should" right before the head).
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from dateline.codebook import extension_base
from dateline.errors import DictionaryError

VALID_POS = {"VERB", "NOUN"}
# Dependency constraints a rule may put on its head word (see the TSV header).
VALID_REQUIRE_KEYS = {"obj", "prt", "prep", "xcomp", "neg", "pobj", "mod", "subj"}
# Requirements on the head's spelling and on the words around it (see the module docstring).
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
SHIPPED_ORIGIN = "triggers.tsv"
# "after": the first coded actor after the trigger in its clause; "before": the subject in
# front of it, active or passive (a dictionary pattern's marker before the verb).
VALID_TARGETS = {"obj", "between", "poss", "dative", "none", "subj", "after", "before"}
# "prep:with": the object of "with"; "np:in:1": the first actor in the noun phrases after the
# word "in", past one noun phrase (PETRARCH's "IN ^ +"; "np::0" right after the verb);
# "before:hosting": the actor before the word "hosting" (PETRARCH's "+ HOSTING *").
VALID_TARGET_PREFIXES = ("prep:", "np:", "before:")
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


@dataclass
class Lexicon:
    rules: list[TriggerRule] = field(default_factory=list)
    by_head: dict[tuple[str, str], list[TriggerRule]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    by_id: dict[str, TriggerRule] = field(default_factory=dict)

    def candidates(self, lemma: str, pos: str) -> list[TriggerRule]:
        return self.by_head.get((lemma, pos), [])

    @property
    def lemmas(self) -> frozenset[str]:
        return frozenset(lemma for lemma, _ in self.by_head)


def parse_requires(text: str) -> tuple[Requirement, ...]:
    out = []
    for part in text.split():
        key, _, values = part.partition("=")
        if key not in VALID_REQUIRE_KEYS:
            raise ValueError(f"unknown requirement {key!r}")
        if key != "neg" and not values:
            raise ValueError(f"requirement {key!r} needs values")
        if key in {"words", "nowords"}:
            for value in values.split("|"):
                parse_word_pattern(value)  # raises ValueError on a malformed pattern
        if key == "phrase" and not all(_PHRASE_REQUIREMENT.fullmatch(v) for v in values.split("|")):
            raise ValueError(f"requirement phrase={values} is not phrase=WORD:SKIPS")
        out.append(Requirement(key, frozenset(v.lower() for v in values.split("|") if v)))
    return tuple(out)


def _parse_targets(text: str) -> tuple[str, ...]:
    targets = tuple(t.strip() for t in text.split("|") if t.strip()) or ("obj",)
    for target in targets:
        if target not in VALID_TARGETS and not target.startswith(VALID_TARGET_PREFIXES):
            raise ValueError(f"unknown target {target!r}")
        if target.startswith("np:") and not _NP_TARGET.fullmatch(target):
            raise ValueError(f"target {target!r} is not np:WORD:SKIPS")
    return targets


def parse_rows(
    rows: Iterable[dict[str, str]], origin: str, valid_codes: Iterable[str] | None = None
) -> tuple[list[TriggerRule], list[str]]:
    """Parse lexicon rows; bad rows become warnings (origin and line) and are skipped."""
    codes = set(valid_codes) if valid_codes is not None else None
    rules: list[TriggerRule] = []
    warnings: list[str] = []
    for line_no, row in enumerate(rows, start=2):
        try:
            rule_id = (row.get("id") or "").strip()
            lemma = (row.get("lemma") or "").strip().lower()
            pos = (row.get("pos") or "").strip().upper()
            cameo = (row.get("cameo") or "").strip()
            if not rule_id or not lemma:
                raise ValueError("missing id or lemma")
            if pos not in VALID_POS:
                raise ValueError(f"pos must be VERB or NOUN, not {pos!r}")
            if codes is not None and cameo not in codes and extension_base(cameo, codes) is None:
                raise ValueError(f"unknown CAMEO code {cameo!r}")
            rules.append(
                TriggerRule(
                    id=rule_id,
                    lemma=lemma,
                    pos=pos,
                    requires=parse_requires(row.get("requires") or ""),
                    targets=_parse_targets(row.get("target") or ""),
                    cameo=cameo,
                    note=(row.get("note") or "").strip(),
                )
            )
        except ValueError as exc:
            warnings.append(f"{origin}:{line_no}: {exc}; line skipped")
    return rules, warnings


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


def _read_tsv(text: str) -> list[dict[str, str]]:
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def load_lexicon(extra: Sequence[Path] = (), valid_codes: Iterable[str] | None = None) -> Lexicon:
    """Load the shipped trigger lexicon plus any user files (later files add rules).

    A user file is a TSV of the shipped format or a PETRARCH/TABARI verb dictionary (found
    by its ``--- VERB [code] ---`` blocks). A verb dictionary decides what its verbs code:
    the shipped rules for the lemmas it defines are dropped (as PETRARCH codes a verb by its
    dictionary alone), and its bare verbs coded ``[---]`` code nothing.
    """
    from dateline.events import _petrarch_verbs  # imports this module: load it late

    sources: list[tuple[str, str]] = [
        (
            SHIPPED_ORIGIN,
            resources.files("dateline").joinpath("data/events/triggers.tsv").read_text("utf-8"),
        )
    ]
    for path in extra:
        try:
            sources.append((str(path), Path(path).read_text("utf-8")))
        except OSError as exc:
            raise DictionaryError(f"cannot read trigger lexicon {path}: {exc.strerror}") from exc
    codes = list(valid_codes) if valid_codes is not None else None
    lexicon = Lexicon()
    seen: set[str] = set()
    parsed: list[tuple[str, list[TriggerRule]]] = []
    overridden: set[str] = set()  # lemmas a verb dictionary defines
    for origin, text in sources:
        if origin != SHIPPED_ORIGIN and _petrarch_verbs.looks_like_verb_dictionary(text):
            imported = _petrarch_verbs.import_verb_dictionary(text, origin, codes)
            rules, warnings = imported.rules, imported.warnings
            overridden |= imported.heads
        else:
            rules, warnings = parse_rows(_read_tsv(text), origin, codes)
        lexicon.warnings.extend(warnings)
        parsed.append((origin, rules))
    for origin, rules in parsed:
        for rule in rules:
            if origin == SHIPPED_ORIGIN and rule.pos == "VERB" and rule.lemma in overridden:
                continue
            if rule.id in seen:
                lexicon.warnings.append(f"{origin}: duplicate rule id {rule.id!r}; skipped")
                continue
            seen.add(rule.id)
            lexicon.rules.append(rule)
    lexicon.by_id = {rule.id: rule for rule in lexicon.rules}
    grouped: dict[tuple[str, str], list[TriggerRule]] = defaultdict(list)
    for rule in lexicon.rules:
        grouped[(rule.lemma, rule.pos)].append(rule)
    # Specific frames first: "hold talks with" must win over a bare "hold".
    lexicon.by_head = {
        key: sorted(rules, key=lambda r: -r.specificity) for key, rules in grouped.items()
    }
    return lexicon
