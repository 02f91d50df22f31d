"""Mood: is an action done, intended, threatened, demanded or refused?

CAMEO codes "X will provide aid to Y" not as aid (07) but as an expression of intent to
provide aid (033); "X threatened to impose sanctions on Y" as 1312; "X said Y must release
the prisoners" as a demand by X (1053); "X refused to meet Y" as 125. The grammar that
signals each mood is read here from the dependency parse; the code each mood turns an action
into is data (``data/events/moods.tsv``).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from importlib import resources

from spacy.tokens import Token

from dateline.codebook import (
    DEMAND_ROOT,
    THREAT_ROOT,
)
from dateline.docmemo import children, head_of, per_token
from dateline.events._words import word_class
from dateline.events.syntax import (
    HESITATION_VERBS,
    INTENT_NOUNS,
    REFUSAL_NOUNS,
    has_negation,
    is_perfect,
    is_present,
    prospect_governor,
    ruled_out_by,
)

FUTURE_AUX = {"will", "would", "shall", "'ll", "wo"}
# Modals of possibility: "may suspend aid" alone is speculation, but with a condition ("may
# suspend aid *if* ...") it is the conditional threat or offer that "will ... if" is.
POSSIBILITY_AUX = {"may", "might", "could"}
DEMAND_AUX = {"must"}
# Verbs and adjectives whose open complement is an intended action: "plans to visit",
# "is ready to host", "offered to mediate", "threatened to cut off".
INTENT_GOVERNORS = word_class("intent_governor")
# Governors whose complement is threatened rather than intended.
THREAT_GOVERNORS = {"threaten", "warn"}
# The verb "prepare" with a use of force as its complement ("troops prepared to storm the
# town") reports military preparations, a show of force (CAMEO 15), not a stated intent; the
# adjective ("is prepared to use force") stays a readiness, i.e. a threat.
PREPARE_GOVERNORS = {"prepare"}
# Subordinators that make a future action a conditional threat ("will withdraw unless ...").
CONDITION_MARKS = {"if", "unless"}
# "failed to reach agreement": a cooperative act not achieved is a rejection (12); any other
# failed act simply did not happen.
FAIL_GOVERNORS = {"fail"}
# Verbs by which a measure comes about as a consequence: "sanctions *will follow* if ...".
ENSUING_VERBS = word_class("ensuing_verb")
READY_ADJECTIVES = word_class("ready_adjective")
# "is set to travel", "is due to meet", "is scheduled to sign": an act set for later is a
# stated intent (CAMEO 03), as a planned visit is in the 2021 CAMEO-to-PLOVER table.
SCHEDULE_GOVERNORS = word_class("schedule_governor")
REFUSE_GOVERNORS = {"refuse", "decline", "reject"}
DEMAND_GOVERNORS = {"demand", "insist"}
# Verbs that stop what their object names: "suspended aid" (162), "lifted the curfew" (0813),
# "called off the strike". Whether stopping is a concession or a sanction depends on what is
# stopped; the mood table decides.
STOP_VERBS = word_class("stop_verb")
# Verbs of accepting, recognising, complying or giving way: said not to be done ("does not
# recognise the court", "did not accept the terms"), they are refused, not merely undone.
ACCEPTANCE_VERBS = word_class("acceptance_verb")
# Moods a stop takes on from its verb; a demanded stop keeps the plain stop code, since the
# coder turns demands into the speaker's events itself.
STOP_MOODS = {"intent", "threat", "conditional", "refuse"}
FIRST_CONFLICT_ROOT = DEMAND_ROOT  # CAMEO 10-20 are demands and conflict, 01-09 cooperation
# How many open-complement links we follow up from the action ("plans to begin to impose").
MAX_GOVERNOR_HOPS = 2


@dataclass(frozen=True)
class MoodRule:
    id: str
    mood: str
    content: str
    code: str


@dataclass(frozen=True)
class Mood:
    # intent | threat | conditional | fail | demand | refuse | stop | prepare, or
    # "stop+<mood>" for a stop in a mood ("refused to lift the curfew", "may halt mediation
    # if ...": the mood applies to the stopping, whose code the stop rows give)
    kind: str
    governor: Token | None  # the verb that carries the mood ("threatened"), if any


class MoodTable:
    """Longest-prefix lookup: (mood, action code) -> the code of the mood event."""

    def __init__(self, rules: list[MoodRule]) -> None:
        self._rules = {(r.mood, r.content): r for r in rules}

    def lookup(self, mood: str, code: str) -> MoodRule | None:
        _, plus, outer = mood.partition("+")
        if plus:
            return self._lookup_stop(outer, code)
        if mood == "prepare":
            # Only the uses of force the table lists; preparing anything else ("prepared to
            # host the talks") is an intent.
            return self._prefix(mood, code) or self.lookup("intent", code)
        if mood == "threat":
            # A threat of a conflict act has its own code (will impose sanctions -> 1312);
            # any other action threatened ("threatened to withdraw") is a generic threat.
            rule = self.lookup("intent", code)
            if rule is not None and rule.code.startswith(THREAT_ROOT):
                return rule
        return self._prefix(mood, code) or self._rules.get((mood, "*"))

    def _prefix(self, mood: str, code: str) -> MoodRule | None:
        for length in range(len(code), 1, -1):
            rule = self._rules.get((mood, code[:length]))
            if rule is not None:
                return rule
        return None

    def _lookup_stop(self, mood: str, code: str) -> MoodRule | None:
        """A stop in a mood: the stop rows say what stopping ``code`` is ("lifting a curfew"
        is 0813), and the mood applies to that ("refused to lift the curfew" 1241, "may halt
        mediation if ..." 135)."""
        stop = self.lookup("stop", code)
        if stop is None:
            return None
        if mood == "conditional":
            mood = "intent" if stop.code[:2] < FIRST_CONFLICT_ROOT else "threat"
        rule = self.lookup(mood, stop.code)
        if rule is None:
            # "refused to suspend its mediation": not stopping an act is going on with it,
            # which the action's own code says.
            return None
        return MoodRule(f"{stop.id}+{rule.id}", mood, code, rule.code)


def load_moods() -> MoodTable:
    text = resources.files("dateline").joinpath("data/events/moods.tsv").read_text("utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    rows = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    return MoodTable([MoodRule(r["id"], r["mood"], r["content"], r["code"]) for r in rows])


def _aux(tok: Token) -> set[str]:
    return {c.lower_ for c in children(tok) if c.dep_ in {"aux", "auxpass"}}


def _negated(tok: Token) -> bool:
    return has_negation(tok)


@per_token
def detect_mood(tok: Token) -> Mood | None:
    """The mood of the action headed by ``tok``, or None when it is simply reported as done."""
    ruling = ruled_out_by(tok)
    if ruling is not None:
        return Mood("refuse", ruling)  # "lifting the sanctions is out of the question"
    if tok.pos_ in {"NOUN", "PROPN"}:
        return _noun_mood(tok)
    aux = _aux(tok)
    if aux & FUTURE_AUX:
        if _negated(tok):
            return Mood("refuse", None)
        return Mood(_conditional(tok) or "intent", None)
    if aux & POSSIBILITY_AUX and not _negated(tok):
        condition = _conditional(tok)
        if condition is not None:
            return Mood(condition, None)
    if aux & DEMAND_AUX and not is_perfect(tok):
        # "must have given the orders" is a conclusion about the past, not an obligation.
        return Mood("demand", None)
    if (
        tok.dep_ == "acl"
        and head_of(tok).lemma_.lower() in INTENT_NOUNS
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in children(tok))
    ):
        return Mood("intent", head_of(tok))  # "announced a plan *to impose* sanctions"
    if (
        tok.dep_ == "acl"
        and head_of(tok).lemma_.lower() in REFUSAL_NOUNS
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in children(tok))
    ):
        return Mood("refuse", head_of(tok))  # "X's refusal *to resume* talks"
    if (
        tok.lemma_.lower() in ACCEPTANCE_VERBS
        and _negated(tok)
        and not any(c.lower_ == "yet" for c in children(tok))  # "has not yet complied"
    ):
        return Mood("refuse", None)
    prospect = prospect_governor(tok)
    if prospect is not None:
        # "hinted at lifting sanctions": an act held out is intended; one that nobody hints
        # at ("did not talk about lifting") is no act at all
        return None if _negated(prospect) else Mood("intent", prospect)
    current = tok
    for _ in range(MAX_GOVERNOR_HOPS):
        # "vowed to fight": an open complement, or an infinitive the parser hung as advcl.
        infinitive = current.dep_ == "advcl" and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in children(current)
        )
        if current.dep_ != "xcomp" and not infinitive:
            break
        governor = head_of(current)
        lemma = governor.lemma_.lower()
        if lemma in REFUSE_GOVERNORS:
            return Mood("refuse", governor)
        if lemma in DEMAND_GOVERNORS:
            return Mood("demand", governor)
        if lemma in HESITATION_VERBS and _negated(governor):
            if not _aux(governor) & FUTURE_AUX:
                return None  # "did not hesitate to expel them": they were expelled
            return Mood(_conditional(governor) or "intent", governor)
        if (
            lemma in INTENT_GOVERNORS
            or lemma in THREAT_GOVERNORS
            or (governor.pos_ == "ADJ" and lemma in READY_ADJECTIVES)
        ):
            negated = _negated(governor) or (governor.pos_ == "ADJ" and _negated(head_of(governor)))
            if negated:
                return Mood("refuse", governor)
            if lemma in THREAT_GOVERNORS:
                return Mood("threat", governor)
            condition = _conditional(governor)
            if condition is None and lemma in PREPARE_GOVERNORS and governor.pos_ == "VERB":
                return Mood("prepare", governor)
            return Mood(condition or "intent", governor)
        if lemma in FAIL_GOVERNORS:
            return Mood("fail", governor)
        if lemma in SCHEDULE_GOVERNORS and lemma != "be" and is_present(governor):
            return Mood("intent", governor)
        current = governor
    return None


def _noun_mood(tok: Token) -> Mood | None:
    """A nominal action stopped by its verb: "*suspended* military aid", "curfew was *lifted*"."""
    if tok.dep_ == "compound":
        tok = head_of(tok)  # "ended mediation *efforts*"
    if tok.dep_ == "pobj" and head_of(tok).lower_ == "of" and head_of(head_of(tok)).dep_ == "dobj":
        tok = head_of(head_of(tok))  # "suspended *part* of the aid programme"
    if tok.dep_ == "nsubj" and head_of(tok).pos_ in {"VERB", "AUX"}:
        # "sanctions *could follow if* Y ...": a measure said to come under a condition
        verb = head_of(tok)
        if (
            verb.lemma_.lower() in ENSUING_VERBS
            and _aux(verb) & (FUTURE_AUX | POSSIBILITY_AUX)
            and not _negated(verb)
        ):
            condition = _conditional(verb)
            if condition is not None:
                return Mood(condition, verb)
        return None
    if tok.dep_ not in {"dobj", "nsubjpass"}:
        return None
    verb = head_of(tok)
    lemma = verb.lemma_.lower()
    if lemma == "call" and not any(c.dep_ == "prt" and c.lower_ == "off" for c in children(verb)):
        return None  # only "called off"
    if lemma in STOP_VERBS:
        outer = detect_mood(verb) if verb.pos_ in {"VERB", "AUX"} else None
        if outer is not None and outer.kind in STOP_MOODS:
            return Mood(f"stop+{outer.kind}", verb)
        return Mood("stop", verb)
    if verb.pos_ in {"VERB", "AUX"} and tok.dep_ == "dobj":
        # The action noun shares its verb's mood: "threatened to *impose a curfew*",
        # "will *continue military aid*", "refused to *hold talks*".
        return detect_mood(verb)
    return None


def _conditional(tok: Token) -> str | None:
    """The mood a condition gives a future action: "will withdraw *unless* ..." threatens;
    "will meet X *if* ..." is a conditional offer or, for a hostile act, a threat
    ("conditional"; the coder decides by the action)."""
    for child in children(tok):
        if child.dep_ != "advcl":
            continue
        marks = {g.lower_ for g in children(child) if g.dep_ == "mark"}
        if "unless" in marks:
            return "threat"
        if marks & CONDITION_MARKS:
            return "conditional"
    return None
