"""The trigger lexicon: which words, in which syntactic frame, signal which CAMEO event.

The lexicon is a TSV data file (``data/events/triggers.tsv``; format in its header and in
``docs/triggers.md``). Users extend it with their own files of the same format. Each row
becomes a ``TriggerRule``; its ``id`` ends up in every event it produces (``Event.rule``).
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from dateline.errors import DictionaryError

VALID_POS = {"VERB", "NOUN"}
# Dependency constraints a rule may put on its head word (see the TSV header).
VALID_REQUIRE_KEYS = {"obj", "prt", "prep", "xcomp", "neg", "pobj", "mod", "subj"}
VALID_TARGETS = {"obj", "between", "poss", "dative", "none", "subj"}
VALID_TARGET_PREFIXES = ("prep:",)


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

    @property
    def specificity(self) -> int:
        return len(self.requires)


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


def _parse_requires(text: str) -> tuple[Requirement, ...]:
    out = []
    for part in text.split():
        key, _, values = part.partition("=")
        if key not in VALID_REQUIRE_KEYS:
            raise ValueError(f"unknown requirement {key!r}")
        if key != "neg" and not values:
            raise ValueError(f"requirement {key!r} needs values")
        out.append(Requirement(key, frozenset(v.lower() for v in values.split("|") if v)))
    return tuple(out)


def _parse_targets(text: str) -> tuple[str, ...]:
    targets = tuple(t.strip() for t in text.split("|") if t.strip()) or ("obj",)
    for target in targets:
        if target not in VALID_TARGETS and not target.startswith(VALID_TARGET_PREFIXES):
            raise ValueError(f"unknown target {target!r}")
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
            if codes is not None and cameo not in codes:
                raise ValueError(f"unknown CAMEO code {cameo!r}")
            rules.append(
                TriggerRule(
                    id=rule_id,
                    lemma=lemma,
                    pos=pos,
                    requires=_parse_requires(row.get("requires") or ""),
                    targets=_parse_targets(row.get("target") or ""),
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
    """Load the shipped trigger lexicon plus any user files (later files add rules)."""
    sources: list[tuple[str, str]] = [
        (
            "triggers.tsv",
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
    for origin, text in sources:
        rules, warnings = parse_rows(_read_tsv(text), origin, codes)
        lexicon.warnings.extend(warnings)
        for rule in rules:
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
