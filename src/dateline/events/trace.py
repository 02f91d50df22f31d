"""What the event coder did with a sentence, recorded only when someone asks why.

``EventCoder.code_sentence`` takes an optional ``CodingTrace``. Without one (coding news in
bulk) it records nothing and formats nothing: every record is made behind an
``if trace is not None``. With one (``dateline explain``) it notes each trigger candidate,
each check that vetoed or changed a candidate, and each event a check of the whole sentence
dropped. Records name their trigger by its character offset in the article body, the same
offset as ``Event.trigger.start``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from dateline.events._rules import Requirement, TriggerRule
from dateline.model import Actor, Event

# vetoed: the candidate (or one of its dyads) was not coded; changed: it was coded otherwise
# than its rule says; dropped: a coded event was removed by a check of the whole sentence.
Effect = Literal["vetoed", "changed", "dropped"]


@dataclass(frozen=True)
class CandidateRecord:
    """A word that heads a rule of the trigger lexicon (or of a built-in frame)."""

    trigger: int  # character offset of the trigger word
    word: str
    rule: str  # the rule id
    cameo: str  # the rule's own code, before any mood
    frame: str  # the rule's requirements as written in the lexicon ("" for a bare word)


@dataclass(frozen=True)
class CheckRecord:
    """A named check that vetoed, changed or dropped a candidate."""

    check: str
    effect: Effect
    trigger: int  # character offset of the trigger word
    rule: str | None
    detail: str = ""


@dataclass
class CodingTrace:
    """The records of one or more sentences, in the order the coder made them."""

    candidates: list[CandidateRecord] = field(default_factory=list)
    checks: list[CheckRecord] = field(default_factory=list)

    def candidate(self, trigger: int, word: str, rule: TriggerRule) -> None:
        self.candidates.append(
            CandidateRecord(trigger, word, rule.id, rule.cameo, frame_text(rule.requires))
        )

    def check(
        self, check: str, effect: Effect, trigger: int, rule: str | None, detail: str = ""
    ) -> None:
        self.checks.append(CheckRecord(check, effect, trigger, rule, detail))

    def dropped(self, check: str, before: Sequence[Event], after: Sequence[Event]) -> None:
        """Records the events of ``before`` that ``check`` left out of ``after``."""
        kept = {id(e) for e in after}
        for event in before:
            if id(event) not in kept:
                self.check(check, "dropped", event.trigger.start, event.rule, dyad_text(event))


def frame_text(requires: Sequence[Requirement]) -> str:
    """A rule's requirements as the lexicon writes them: "obj=aid|help prt=off"."""
    return " ".join(
        f"{r.key}={'|'.join(sorted(r.values))}" if r.values else r.key for r in requires
    )


def actor_text(actor: Actor | None) -> str:
    if actor is None:
        return "-"
    return actor.code or actor.country or actor.text or "?"


def dyad_text(event: Event) -> str:
    return f"{actor_text(event.source)} -> {actor_text(event.target)} {event.cameo.code}"
