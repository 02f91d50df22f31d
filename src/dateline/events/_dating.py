"""Which time expressions of a sentence belong to an act, beyond its own clause chain.

The coder dates an act by the dates its clause chain governs (``EventCoder.date_of``) and,
failing that, by the time frame its story has set (``EventCoder.date_by_frame``). These
helpers draw the lines the labelling guide draws:

- a date that modifies another noun ("welcomed *Tuesday's* announcement", "accused of the
  *2004* bombing") dates that noun's event, not the act;
- a participle in a phrase that sets the scene ("*In a statement issued Tuesday*, X accused
  Y") dates the act it sets;
- an act in a clause that describes a noun ("violence that began March 6 in the region,
  *where* forces clashed") is dated by the nearest clause around it that has a date;
- "two days after" between clauses puts their times two days apart;
- a sentence whose subject continues the one before it ("X met Y on Monday. *He* urged
  ...") continues its time frame, in text whose paragraph breaks are lost.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from spacy.tokens import Span, Token

from dateline.docmemo import children, head_of
from dateline.events._clauses import governs
from dateline.events._words import word_class
from dateline.events.quantities import parse_number
from dateline.events.time import ResolvedDate

# Links by which a date word modifies a noun before it: "Tuesday's attack", "the 2004
# bombing", "the March 6 violence".
NOUN_MODIFIER_DATE_DEPS = frozenset({"poss", "nummod", "compound"})
NOUN_TAGS = frozenset({"NOUN", "PROPN"})
# Prepositions of a scene-setting phrase whose participle dates the act ("In a statement
# issued Tuesday, ...").
SETTING_PREPOSITIONS = word_class("setting_preposition")
# Prepositions of the occasion an act took place at: "decided *at* last year's summit".
OCCASION_PREPOSITIONS = word_class("occasion_preposition")
# Subject pronouns that carry on the actor, and so the time, of the sentence before.
CONTINUING_PRONOUNS = word_class("continuing_pronoun")
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# How far up from a date to look for the participle of a scene-setting phrase.
SETTING_HOPS = 8


def dated_noun(date: Token) -> Token | None:
    """The noun the date word modifies ("*Tuesday's* announcement", "the *2004* bombing"),
    if it modifies one."""
    head = head_of(date)
    if date.dep_ in NOUN_MODIFIER_DATE_DEPS and head.i != date.i and head.pos_ in NOUN_TAGS:
        return head
    return None


def dates_another_noun(date: Token, act: Token) -> bool:
    """The date word modifies a noun other than the act's trigger: "*Tuesday's*
    announcement" dates the announcement, "the *2004* bombing" the bombing; neither dates
    the welcoming or accusing that names them. It still dates the act when the noun is the
    act itself ("Tuesday's *attack*"), the act's doer ("the Friday explosions *killed*
    110") or the occasion it took place at ("*decided* at last year's summit")."""
    noun = dated_noun(date)
    if noun is None or noun.i == act.i:
        return False
    if noun.dep_ == "nsubj" and head_of(noun).i == act.i:
        return False
    prep = head_of(noun)
    return not (
        noun.dep_ == "pobj" and prep.lower_ in OCCASION_PREPOSITIONS and head_of(prep).i == act.i
    )


def coordinated_dates(date: Token) -> set[int]:
    """The indexes of the date words coordinated with ``date``: "in 2023 and again in
    *January*", "in 2019 and *2021*"."""
    found = {c.i for c in date.conjuncts}
    if date.dep_ != "pobj":
        return found
    prep = head_of(date)
    # "in 2023 and again in January": coordinated, or (as the parser often hangs it) a
    # sibling phrase marked "again".
    repeats = [
        p
        for p in children(head_of(prep))
        if p.dep_ == "prep" and p.i != prep.i and any(c.lower_ == "again" for c in children(p))
    ]
    for other in (*prep.conjuncts, *repeats):
        found.update(c.i for c in children(other) if c.dep_ == "pobj")
    return found


def setting_participle(date: Token) -> Token | None:
    """The participle of a scene-setting phrase the date hangs from, when there is one: in
    "*In* a statement *issued* Tuesday, X accused Y" (and "*at* a meeting *held* in May"),
    "issued"; its time is the time of the clause the phrase sets (see set_clause)."""
    current = date
    for _ in range(SETTING_HOPS):
        if head_of(current).i == current.i:
            return None
        if current.dep_ == "acl" and current.tag_ == "VBN":
            return current if set_clause(current) is not None else None
        current = head_of(current)
    return None


def set_clause(participle: Token) -> Token | None:
    """The clause whose scene the participle's phrase sets: "In a statement issued Tuesday,
    X *accused* Y"."""
    noun = head_of(participle)
    prep = head_of(noun)
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in SETTING_PREPOSITIONS:
        return None
    clause = head_of(prep)
    return clause if clause.pos_ in {"VERB", "AUX"} else None


def setting_governs(clause: Token, date: Token) -> bool:
    """The date lies in a scene-setting phrase of ``clause`` ("In a statement issued
    Tuesday, X *accused* Y")."""
    participle = setting_participle(date)
    if participle is None or not governs(participle, date, hops=SETTING_HOPS):
        return False
    verb = set_clause(participle)
    return verb is not None and verb.i == clause.i


def carries_on(sent: Span, topic: frozenset[str]) -> tuple[bool, frozenset[str]]:
    """Whether the sentence carries on the subject whose words are ``topic`` (the subject of
    the sentence before), and the subject it hands on. It carries on with a pronoun ("He
    urged ...") or a word of that subject ("The UNHCR" after "The U.N. High Commissioner
    for Refugees (UNHCR)"); a pronoun hands on the subject it stands for."""
    subject = next((c for c in children(sent.root) if c.dep_ in SUBJECT_DEPS), None)
    if subject is None:
        return False, frozenset()
    head = subject.lower_
    if head in CONTINUING_PRONOUNS:
        return True, topic
    return head in topic, frozenset(t.lower_ for t in subject.subtree if t.is_alpha)


# "X did A two days *after* Y did B": A lies after B by the measure; "before", ahead of it.
SEQUENCE_SIGNS = {"after": 1, "before": -1}
DAYS_IN_UNIT = {"day": 1, "week": 7}
ONE_WORDS = frozenset({"a", "an", "one"})


def clause_offset(clause: Token) -> int:
    """How many days the clause ``clause`` hangs from lies after it: "He spoke *a day
    after* the Taliban reported ..." 1, "two weeks before" -14; 0 without such a measure
    ("hours after", "after")."""
    if clause.dep_ != "advcl":
        return 0
    # Only "after" that introduces the clause: "Retaliating 13 days after the bombings, U.S.
    # forces Thursday launched ..." retaliates when it launches.
    marks = [c for c in children(clause) if c.dep_ == "mark"]
    sign = next((SEQUENCE_SIGNS[m.lower_] for m in marks if m.lower_ in SEQUENCE_SIGNS), 0)
    # The measure hangs from the clause, its "after", or (as the parser may hang it) the
    # head just before the clause: "shelled a village *a week* before talks began".
    hanging_before = [
        c for c in children(head_of(clause)) if c.right_edge.i == clause.left_edge.i - 1
    ]
    measures = [
        c
        for c in (*(c for m in (clause, *marks) for c in children(m)), *hanging_before)
        if c.dep_ == "npadvmod" and c.lemma_.lower() in DAYS_IN_UNIT
    ]
    if not sign or not measures:
        return 0
    measure = measures[0]
    count = next((c for c in children(measure) if c.dep_ in {"nummod", "det"}), None)
    number = 1.0 if count is None or count.lower_ in ONE_WORDS else parse_number(count.text)
    if number is None or number != int(number):
        return 0
    return sign * int(number) * DAYS_IN_UNIT[measure.lemma_.lower()]


def shifted(when: ResolvedDate | None, days: int) -> ResolvedDate | None:
    """``when`` moved by ``days`` (a date known only to its month or year stays)."""
    if when is None or not days or when.precision != "day":
        return when
    moved = dt.date.fromisoformat(when.date) + dt.timedelta(days=days)
    return replace(when, date=moved.isoformat())


# How far up from a date to look for the verb it hangs from.
OBJECT_DEPS = frozenset({"dobj", "nsubjpass"})
ACTED_ON_PREPOSITIONS = frozenset({"on", "against"})
PARTICIPLE_HOPS = 4
VERB_TAGS = frozenset({"VERB", "AUX"})


def describes_acted_on(date: Token, act: Token) -> bool:
    """The date hangs from a present participle describing what the act was done to: in
    "gunmen attacked a convoy *escorting* soldiers near the town *on Monday*" the parser
    hangs the sentence's date from "escorting"; a participle without a clause of its own
    shares the act's scene, so the date is the attack's. Not a participle of any other noun,
    nor a relative or past-participle clause ("the bombing carried out in 2004"), which may
    tell an act of another time."""
    participle = head_of(date)
    for _ in range(PARTICIPLE_HOPS):
        if participle.pos_ in VERB_TAGS or head_of(participle).i == participle.i:
            break
        participle = head_of(participle)
    if participle.dep_ != "acl" or participle.tag_ != "VBG":
        return False
    noun = head_of(participle)
    if head_of(noun).i == act.i and noun.dep_ in OBJECT_DEPS:
        return True
    # "an attack on a convoy escorting ...": the object of the act noun's "on" or "against"
    prep = head_of(noun)
    return noun.dep_ == "pobj" and prep.lower_ in ACTED_ON_PREPOSITIONS and head_of(prep).i == act.i


def adjunct_participle(date: Token, act: Token) -> bool:
    """The date lies in a participle adjunct of the act with no subject of its own: in "X
    *rejected* the warrant, *telling* journalists on Wednesday that ...", the telling is
    part of the rejecting and shares its day."""
    participle = head_of(date)
    for _ in range(PARTICIPLE_HOPS):
        if participle.pos_ in VERB_TAGS or head_of(participle).i == participle.i:
            break
        participle = head_of(participle)
    return (
        head_of(participle).i == act.i
        and participle.i != act.i
        and participle.dep_ == "advcl"
        and participle.tag_ == "VBG"
        and not any(c.dep_ in {"nsubj", "nsubjpass", "mark"} for c in children(participle))
    )
