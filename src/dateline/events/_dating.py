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

from dateline.docmemo import children, head_of, sentence_tokens
from dateline.events import syntax
from dateline.events._clauses import clause_verb, governs
from dateline.events._words import word_class
from dateline.events.quantities import parse_number
from dateline.events.time import ResolvedDate

# Links by which a date word modifies a noun before it: "Tuesday's attack", "the 2004
# bombing", "the March 6 violence" (which the parser may hang as "nmod").
NOUN_MODIFIER_DATE_DEPS = frozenset({"poss", "nummod", "compound", "nmod"})
NOUN_TAGS = frozenset({"NOUN", "PROPN"})
# Prepositions of a scene-setting phrase whose participle dates the act ("In a statement
# issued Tuesday, ...").
SETTING_PREPOSITIONS = word_class("setting_preposition")
# Prepositions of the occasion an act took place at: "decided *at* last year's summit".
OCCASION_PREPOSITIONS = word_class("occasion_preposition")
# Subject pronouns that carry on the actor, and so the time, of the sentence before.
CONTINUING_PRONOUNS = word_class("continuing_pronoun")
# Adverbs that open a sentence by pointing back at the occasion the sentence before names
# ("... failed at the summit held in February. *There*, Kim asked ...").
OCCASION_BACK_REFERENCES = word_class("occasion_back_reference")
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# Verbs of saying that continue what the speaker said in the sentence before.
ADDING_VERBS = word_class("adding_verb")
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
    110") or the occasion it took place at ("*decided* at last year's summit"), its own or
    that of a clause the act hangs from ("said in a November report, *calling* for ...")."""
    noun = dated_noun(date)
    if noun is None or noun.i == act.i:
        return False
    if noun.dep_ == "nsubj" and head_of(noun).i == act.i and act.lemma_.lower() != "be":
        # Not a copula's subject: "*Tuesday's* attackers were in touch with X" names the
        # attackers by their attack; being in touch is no act of that day.
        return False
    prep = head_of(noun)
    return not (
        noun.dep_ == "pobj"
        and prep.lower_ in OCCASION_PREPOSITIONS
        and (head_of(prep).i == act.i or head_of(prep) in act.ancestors)
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


def points_back_to_occasion(sent: Span) -> bool:
    """The sentence opens with an adverb and a comma that point back at an occasion the
    sentence before names: "*There,* Kim asked Trump for relief"."""
    return (
        len(sent) > 2
        and sent[0].lower_ in OCCASION_BACK_REFERENCES
        and sent[0].dep_ == "advmod"
        and sent[1].text == ","
    )


def dates_an_occasion(date: Token) -> bool:
    """The date word dates an occasion its sentence names, directly ("at *last year's*
    summit") or through a participle ("failed at the summit held in *February*")."""
    noun = dated_noun(date)
    current = date
    for _ in range(SETTING_HOPS):
        if noun is not None or head_of(current).i == current.i:
            break
        if current.dep_ == "acl" and current.tag_ == "VBN":
            noun = head_of(current)
        current = head_of(current)
    return (
        noun is not None and noun.dep_ == "pobj" and head_of(noun).lower_ in OCCASION_PREPOSITIONS
    )


def adds_to_before(sent: Span) -> bool:
    """The sentence's main verb adds to what was said before: "..., the spokesperson
    *added* in a statement"."""
    return sent.root.lemma_.lower() in ADDING_VERBS


# Prepositions of a span an act in the perfect goes on over: "has ruled *since* 2011".
TIME_SPAN_PREPOSITIONS = frozenset({"since", "for"})
# Tags of a verb in the present: "says", "calls", "are *calling*" (through its auxiliary).
PRESENT_TAGS = frozenset({"VBZ", "VBP"})


def told_as_done(tok: Token) -> bool:
    """The clause at ``tok`` is in the present perfect of a finished act: "the parties *have
    reached* an agreement"; not a state that goes on ("has been fighting since 2011")."""
    verb = clause_verb(tok)
    if verb.tag_ != "VBN":
        return False
    auxiliaries = [c for c in children(verb) if c.dep_ in {"aux", "auxpass"}]
    return any(a.lemma_ == "have" and a.tag_ in PRESENT_TAGS for a in auxiliaries) and not any(
        c.dep_ == "prep" and c.lower_ in TIME_SPAN_PREPOSITIONS for c in children(verb)
    )


def told_as_ongoing(tok: Token) -> bool:
    """The act and every clause that reports it are told in the present simple or
    progressive: "farmers *are calling* on the government", "an official *says* they *are
    negotiating*". Such an act is the news of the publication day, not of the day the
    story's lead reports; a perfect ("have agreed") or a modal ("will meet") is not."""
    verb = clause_verb(tok)
    for clause in (verb, *verb.ancestors):
        if clause.pos_ not in VERB_TAGS:
            continue
        auxiliaries = [c for c in children(clause) if c.dep_ in {"aux", "auxpass"}]
        tags = {clause.tag_, *(a.tag_ for a in auxiliaries)}
        if "MD" in tags or any(a.lemma_ == "have" for a in auxiliaries):
            return False
        if not tags & PRESENT_TAGS:
            return False
        if clause.dep_ not in {"ROOT", "ccomp", "conj"}:
            return False
    return True


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


# Words that put an act right after the event an "after" phrase names: "*hours* after the
# attack", "*shortly* after the vote".
SOON_MARKERS = word_class("soon_marker")
# Determiners of a noun that names an event the story has told before: "*the* attack".
DEFINITE_DETERMINERS = frozenset({"the", "this", "that"})


def soon_after_event(act: Token) -> Token | None:
    """The event noun of a phrase that puts the act right after it: in "In a statement
    released *hours after the attack*, the group gave ..." or "issued a statement *shortly
    after the bombing*", "attack" and "bombing". Only a definite noun ("the attack"), which
    names an event the story has told before; the phrase hangs from the act's clause chain
    or from a participle that hangs from it without a subject of its own."""
    chain = {c.i for c in (clause_verb(act), *clause_verb(act).ancestors)}
    for tok in sentence_tokens(act):
        if tok.lower_ != "after" or tok.dep_ != "prep":
            continue
        head = head_of(tok)
        attached = head.i in chain or (
            head.tag_ == "VBN"
            and any(a.i in chain for a in head.ancestors)
            and not any(c.dep_ in SUBJECT_DEPS for c in children(head))
        )
        # The marker hangs from "after" or, as the parser may hang it, just before it.
        before = [tok.doc[tok.i - 1]] if tok.i > act.sent.start else []
        soon = any(c.lemma_.lower() in SOON_MARKERS for c in (*children(tok), *before))
        nouns = [c for c in children(tok) if c.dep_ == "pobj" and c.pos_ == "NOUN"]
        if not attached or not soon or not nouns:
            continue
        noun = nouns[0]
        if is_definite(noun):
            return noun
    return None


# Prepositions that put the act after the event they name: "*after* Tuesday's vote",
# "*following* the rebukes over last month's deportations".
SEQUEL_PREPOSITIONS = word_class("sequel_preposition")
# How far up from a dated noun to look for such a preposition.
SEQUEL_HOPS = 6


def follows_dated(date: Token, act: Token) -> bool:
    """The date word dates an event that a phrase of the act's clause chain puts the act
    after: "*Following* the rebukes over *last month's* deportations, X said ...". The act
    cannot come before that date."""
    noun = dated_noun(date)
    if noun is None:
        return False
    chain = {c.i for c in (clause_verb(act), *clause_verb(act).ancestors)}
    current = noun
    for _ in range(SEQUEL_HOPS):
        if head_of(current).i == current.i:
            return False
        current = head_of(current)
        if current.dep_ == "prep" and current.lower_ in SEQUEL_PREPOSITIONS:
            return head_of(current).i in chain
    return False


def occasion_mentioned_before(act: Token) -> Token | None:
    """The definite noun of an occasion the act took place at, which may name one the story
    dated before: "*Speaking at the Cato Institute event*, X suggested ..." after "said at a
    Wednesday event at the Cato Institute"; "*At the summit*, X urged ...". The phrase hangs
    from the act's clause chain or from a participle adjunct of it without a subject."""
    chain = {c.i for c in (clause_verb(act), *clause_verb(act).ancestors)}
    for tok in sentence_tokens(act):
        if tok.dep_ != "prep" or tok.lower_ not in OCCASION_PREPOSITIONS:
            continue
        head = head_of(tok)
        attached = head.i in chain or (
            head.dep_ == "advcl"
            and head.tag_ in {"VBG", "VBN"}
            and head_of(head).i in chain
            and not any(c.dep_ in SUBJECT_DEPS for c in children(head))
        )
        nouns = [c for c in children(tok) if c.dep_ == "pobj" and c.pos_ == "NOUN"]
        if attached and nouns and is_definite(nouns[0]):
            return nouns[0]
    return None


# Verbs and nouns of responding: the event their "to"/"for" phrase names came just before
# the act they frame ("*retaliated for* the raid by bombing", "*in response to* the attack").
RESPONSE_VERBS = word_class("response_verb")
RESPONSE_NOUNS = word_class("response_noun")
RESPONSE_PREPOSITIONS = frozenset({"to", "for"})


def responded_event(act: Token) -> Token | None:
    """The definite event noun the act answers, which may name one the story dated before:
    "France *responded to the Abeche raid* by bombing ...", "*In retaliation for the
    attack*, X closed ...". The verb of responding is in the act's clause chain, or the
    noun's phrase hangs from it."""
    chain = {c.i for c in (clause_verb(act), *clause_verb(act).ancestors)}
    for tok in sentence_tokens(act):
        if tok.dep_ != "prep" or tok.lower_ not in RESPONSE_PREPOSITIONS:
            continue
        head = head_of(tok)
        lemma = head.lemma_.lower()
        answers = (head.pos_ == "VERB" and lemma in RESPONSE_VERBS and head.i in chain) or (
            head.pos_ == "NOUN"
            and lemma in RESPONSE_NOUNS
            and head.dep_ == "pobj"
            and head_of(head_of(head)).i in chain
        )
        nouns = [c for c in children(tok) if c.dep_ == "pobj" and c.pos_ == "NOUN"]
        if answers and nouns and is_definite(nouns[0]):
            return nouns[0]
    return None


def names_same_event(noun: Token, mention: Token) -> bool:
    """An earlier dated noun names the same event as ``noun``: the same word ("the raid"
    after "Tuesday's raid"), or another that the name ``noun`` carries describes ("the Abeche
    attack" after "the 2004 bombing of the army base in Abeche")."""
    if mention.lemma_.lower() == noun.lemma_.lower():
        return True
    names = {c.lower_ for c in children(noun) if c.dep_ == "compound" and c.pos_ == "PROPN"}
    return bool(names & {t.lower_ for t in mention.subtree})


def is_definite(noun: Token) -> bool:
    """The noun is definite ("*the* attack"), so names an event the story may have told."""
    return any(c.dep_ == "det" and c.lower_ in DEFINITE_DETERMINERS for c in children(noun))


# Documents a story quotes from: "*the statement* threatened sanctions".
SPEAKING_DOCUMENTS = word_class("speaking_document")


def opens_in_told_document(sent: Span) -> bool:
    """The sentence opens by setting itself in a document the story has named ("*In the
    statement* released hours after the attack, the group gave ..."): it goes on telling
    what the sentence before it told from that document, so the two share a date."""
    first = sent[0]
    # The parser may hang the phrase from its participle ("released") rather than the verb.
    if first.dep_ != "prep" or first.lower_ not in SETTING_PREPOSITIONS:
        return False
    nouns = [c for c in children(first) if c.dep_ == "pobj"]
    return bool(nouns) and nouns[0].lemma_.lower() in SPEAKING_DOCUMENTS and is_definite(nouns[0])


def quoted_under_attribution(date: Token, root: Token) -> bool:
    """The date stands in a direct quotation that the sentence's main clause, outside it,
    attributes: '"The agency reported *last month* that ...," he *said*'."""
    return syntax.quotation_start(date) is not None and syntax.quotation_start(root) is None


# Verbs of issuing a document, whose author speaks through it: "a statement *issued* Monday",
# "a lawsuit *filed* in February".
ISSUING_VERBS = word_class("issuing_verb")


def dates_issued_doer(date: Token, act: Token) -> bool:
    """The date hangs from a participle of issuing that describes the doer of the act: in "a
    statement *issued on Monday* accused Y", "a lawsuit *filed in February* alleged ...", the
    document does what it says when it is issued."""
    participle = head_of(date)
    for _ in range(PARTICIPLE_HOPS):
        if participle.pos_ in VERB_TAGS or head_of(participle).i == participle.i:
            break
        participle = head_of(participle)
    doer = head_of(participle)
    return (
        participle.dep_ == "acl"
        and participle.tag_ == "VBN"
        and participle.lemma_.lower() in ISSUING_VERBS
        and doer.dep_ in SUBJECT_DEPS
        and head_of(doer).i == clause_verb(act).i
    )
