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
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from dateline.codebook import extension_base
from dateline.errors import DictionaryError
from dateline.events import _petrarch_verbs
from dateline.events._rules import (
    WORD_REQUIREMENT_KEYS,
    Requirement,
    TriggerRule,
    parse_requires,
    parse_targets,
    parse_word_pattern,
    words_match,
)

# The rule model lives in ``_rules`` (shared with the verb dictionary importer); it is used
# from here.
__all__ = [
    "SHIPPED_ORIGIN",
    "WORD_REQUIREMENT_KEYS",
    "Lexicon",
    "Requirement",
    "TriggerRule",
    "load_lexicon",
    "parse_requires",
    "parse_rows",
    "parse_word_pattern",
    "words_match",
]

VALID_POS = {"VERB", "NOUN"}
SHIPPED_ORIGIN = "triggers.tsv"


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
                    targets=parse_targets(row.get("target") or ""),
                    cameo=cameo,
                    note=(row.get("note") or "").strip(),
                )
            )
        except ValueError as exc:
            warnings.append(f"{origin}:{line_no}: {exc}; line skipped")
    return rules, warnings


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
