"""Acts of speech whose doer or frame is not a plain subject and verb.

- **Firsts**: "X *was the first to reject* the constitution", "X became the only country to
  recognise Y": an infinitive that ranks its doer among others reports an act done, and its
  doer is the subject of the copula.

- **Measures promised under a condition**: "X said *sanctions could follow if* Y activates
  the system": a measure that is the subject of a clause set under a condition is a threat
  by whoever says the clause (the condition says whom it is aimed at).

- **The reporter addressed**: "Thailand said China had *asked it* to return the men", "X
  said Y had assured *him* that ...": a pronoun addressee of an act of speech that a
  reporting verb's subject reports is that subject (who else would have been told?).

- **The counterpart in the sentence**: "it ended because *Washington's call* for
  denuclearisation and Pyongyang's demand for relief did not mesh": a request that names no
  one, which the story's leading state would make a request to the requester's own state,
  is aimed at the one other state its sentence names.

- **Requests named by a noun with a "for" clause**: "China's *proposal for the Security
  Council to lift* sanctions", "a Russian *request* made on Monday *for the council to
  meet*": the noun's owner asks the subject of the clause; what is asked is no act of its
  own.

  Such a noun is dated by the participle that puts it: "a proposal *made on Monday*".

Each function looks at a trigger and its own words only; the coder calls it where its
plain reading found nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Token

from dateline.docmemo import children, head_of
from dateline.events import syntax
from dateline.events._clauses import quotation_speaker, speaker_of
from dateline.events._phrases import MentionLike
from dateline.events._requests import NON_STATE_COUNTRIES
from dateline.events._rules import TriggerRule, frame_rule
from dateline.events._words import word_class
from dateline.events.mood import detect_mood
from dateline.model import Actor

# Words that rank a doer among others: "the *first* to", "the *only* country to".
RANKING_WORDS = word_class("ranking_word")
COPULAS = {"be", "become", "remain"}


def ranked_doer(tok: Token) -> Token | None:
    """The doer of an act told as a rank: "*X* was the first to reject the plan", "*X*
    became the only country to recognise Y"."""
    if tok.pos_ != "VERB" or tok.dep_ not in {"relcl", "acl", "xcomp", "advcl"}:
        return None
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in children(tok)):
        return None
    ranked = head_of(tok)
    ranking = ranked.lemma_.lower() in RANKING_WORDS or any(
        c.dep_ == "amod" and c.lemma_.lower() in RANKING_WORDS for c in children(ranked)
    )
    copula = head_of(ranked)
    if (
        not ranking
        or ranked.dep_ != "attr"
        or copula.lemma_.lower() not in COPULAS
        or copula.i == ranked.i
    ):
        return None
    return syntax.subject_of(copula)


# Tags of a finite verb, which an infinitive cannot share its subject with.
FINITE_TAGS = {"VBD", "VBZ", "VBP"}
MAX_CLAUSE_HOPS = 4


def finite_conjunct_doer(tok: Token) -> Token | None:
    """The doer of a finite verb the parser joined to an infinitive: "X said the plan aims
    to mobilize troops and *urged* Y to ...": "urged" goes with "said", not "to mobilize",
    so its subject is that of the nearest finite verb above with its tense."""
    if tok.pos_ != "VERB" or tok.tag_ not in FINITE_TAGS or tok.dep_ != "conj":
        return None
    if any(c.dep_ in {"nsubj", "nsubjpass"} for c in tok.children):
        return None
    first = tok.head
    if not _infinitive(first):
        return None
    current = first
    for _ in range(MAX_CLAUSE_HOPS):
        if current.head.i == current.i:
            return None
        current = current.head
        if current.tag_ == tok.tag_:
            return next((c for c in current.children if c.dep_ == "nsubj"), None)
    return None


# CAMEO roots of measures and force that a speaker may promise: sanctions (16) on.
FIRST_MEASURE_ROOT = "16"
CONDITIONAL_MOODS = {"conditional", "threat"}


def conditional_measure_speaker(tok: Token, cameo: str) -> Token | None:
    """Who promises a measure said to come under a condition: "X added that *sanctions*
    could follow if Y ...", '"*Sanctions* will follow unless Y withdraws," X said'."""
    if tok.pos_ not in {"NOUN", "PROPN"} or tok.dep_ != "nsubj" or cameo[:2] < FIRST_MEASURE_ROOT:
        return None
    mood = detect_mood(tok)
    if mood is None or mood.kind not in CONDITIONAL_MOODS or mood.governor is None:
        return None
    return speaker_of(mood.governor) or quotation_speaker(mood.governor)


# CAMEO roots of acts of speech whose object is whom they address: appeals, intents,
# consultations, support, demands, threats (not criticism or rejection: "criticised *it*",
# "turned *them* down" are said of a thing as often).
ADDRESSED_ROOTS = ("02", "03", "04", "05", "10", "13")
# Pronouns that may stand for the reporter of the clause they are the addressee in.
REPORTER_PRONOUNS = {"it", "them", "him", "her"}


def reporter_addressee(tok: Token, cameo: str) -> Token | None:
    """The reporter a pronoun addressee stands for: "*Thailand* said China had asked *it*
    to return the men"."""
    if tok.pos_ != "VERB" or not cameo.startswith(ADDRESSED_ROOTS):
        return None
    addressee = syntax.object_of(tok) or next(
        (c for c in children(tok) if c.dep_ == "dative"), None
    )
    if addressee is None or addressee.lower_ not in REPORTER_PRONOUNS:
        return None
    return speaker_of(tok)


COUNTERPART_RULE = "implicit.sentence_counterpart"
# A state as such: its name, its capital, its government (not its rebels or citizens).
STATE_SECTORS = {None, "GOV"}


def sentence_counterpart(
    source: Actor, target: Actor | None, by_token: dict[int, MentionLike]
) -> Actor | None:
    """The one state other than the requester's that the sentence names, for a request that
    the story's convention would aim at the requester's own state; else ``target``."""
    if target is None or not source.country or target.country != source.country:
        return target
    others = {
        id(m): m.actor
        for m in by_token.values()
        if m.actor.country
        and m.actor.country not in NON_STATE_COUNTRIES
        and m.actor.country != source.country
        and m.actor.sector in STATE_SECTORS
        and m.actor.kind != "person"
    }
    if len({a.country for a in others.values()}) != 1:
        return target
    first = min(others.values(), key=lambda a: a.start)
    rule = f"{first.rule}+{COUNTERPART_RULE}" if first.rule else COUNTERPART_RULE
    return replace(first, rule=rule)


# Nouns of proposing or asking whose "for X to ..." clause asks X: "a proposal for Y to".
REQUEST_NOUNS = word_class("request_noun")
NOMINAL_REQUEST_RULE = frame_rule("sp.n.request.for_clause")
# Participles by which a request noun is put: "a proposal *made* on Monday for Y to ...".
PUTTING_PARTICIPLE_DEPS = {"acl"}


def _infinitive(tok: Token) -> bool:
    return tok.pos_ in {"VERB", "AUX"} and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in children(tok)
    )


def _request_noun(tok: Token) -> Token | None:
    """The request noun at ``tok`` or whose participle ``tok`` is ("a proposal *made*")."""
    if tok.pos_ == "NOUN" and tok.lemma_.lower() in REQUEST_NOUNS:
        return tok
    if tok.dep_ in PUTTING_PARTICIPLE_DEPS and tok.tag_ == "VBN":
        return _request_noun(head_of(tok)) if head_of(tok).i != tok.i else None
    return None


# Prepositions by which a request noun names whom it asks: "its call *to* the authorities to
# drop ...", "an appeal *on* Y to ...".
ADDRESSING_PREPOSITIONS = {"to", "on", "upon"}


# Request nouns that also name a telephone call, and the verbs that carry one: "made a
# *call* to X to discuss ..." is a call and its purpose, no request.
PHONE_CALL_NOUNS = word_class("phone_call_noun")
PHONE_CALL_CARRIERS = word_class("phone_call_carrier")


def _phone_call(noun: Token) -> bool:
    """ "*made a call* to X to ...", "*in a call* to X to ...": the noun names a telephone
    call."""
    if noun.lemma_.lower() not in PHONE_CALL_NOUNS:
        return False
    return noun.dep_ == "pobj" or (
        noun.dep_ in {"dobj", "nsubjpass"} and noun.head.lemma_.lower() in PHONE_CALL_CARRIERS
    )


def _addressed_in(noun: Token, verb: Token) -> Token | None:
    """The "to"/"on" object of a request noun that comes before the infinitive ``verb``:
    "its call *to the authorities* to drop the charges"."""
    for prep in noun.children:
        if prep.dep_ != "prep" or prep.lower_ not in ADDRESSING_PREPOSITIONS or prep.i > verb.i:
            continue
        if prep.lower_ == "to" and _phone_call(noun):
            continue
        objects = [g for g in prep.children if g.dep_ == "pobj"]
        if objects and objects[0].i < verb.i:
            return objects[0]
    return None


def _addressed_request(verb: Token) -> tuple[Token, Token] | None:
    """ "its call to *Y* to *drop* the charges", "an appeal on Y to V": the parser hangs the
    infinitive on the noun, on its "to" object, or makes the noun its subject."""
    if not _infinitive(verb):
        return None
    if verb.dep_ in {"acl", "relcl", "advcl", "xcomp"}:
        head = verb.head
        if head.dep_ == "pobj" and head.head.lower_ in ADDRESSING_PREPOSITIONS:
            noun = _request_noun(head.head.head)  # "a call to Y [to drop]"
            if noun is not None and head.head.head.i == noun.i:
                return noun, head
        # "[renewed] its call to Y to release ...": on the noun, or on the verb that carries it
        for noun in (head, *(c for c in head.children if c.dep_ == "dobj")):
            if _request_noun(noun) is noun and (addressee := _addressed_in(noun, verb)):
                return noun, addressee
    for noun in verb.children:  # "[its call to Y] to drop": the noun read as the subject
        if noun.dep_ == "nsubj" and _request_noun(noun) is not None:
            addressee = _addressed_in(noun, verb)
            if addressee is not None:
                return noun, addressee
    return None


def requested_of(verb: Token) -> tuple[Token, Token] | None:
    """The request noun and the addressee of an infinitive it asks for: "a proposal for
    *the Council* to *lift* sanctions" -> (proposal, Council), "its call to *the
    authorities* to *drop* the charges" -> (call, authorities)."""
    addressed = _addressed_request(verb)
    if addressed is not None:
        return addressed
    if not _infinitive(verb) or verb.dep_ not in {"acl", "advcl", "relcl", "xcomp"}:
        return None
    head = head_of(verb)
    # "for" as the clause's own mark, with the clause's subject ("for Y to lift")
    if any(c.dep_ == "mark" and c.lower_ == "for" for c in children(verb)):
        subject = syntax.subject_of(verb)
        noun = _request_noun(head)
        if subject is not None and noun is not None:
            return noun, subject
    # "for" as a preposition of the noun or its participle, its object just before "to"
    for prep in children(head):
        if prep.dep_ != "prep" or prep.lower_ != "for" or prep.i > verb.i:
            continue
        objects = [g for g in children(prep) if g.dep_ == "pobj"]
        noun = _request_noun(head)
        if objects and noun is not None and objects[0].i < verb.i:
            return noun, objects[0]
    return None


def _asked_verbs(noun: Token) -> Iterator[Token]:
    """The words that may be the infinitive a request noun asks for: its own subtree, and
    the verb the parser made it the subject of ("[its call to Y] to drop ...")."""
    yield from noun.subtree
    head = noun.head
    if noun.dep_ == "nsubj" and head.i != noun.i:
        yield head
    elif noun.dep_ == "dobj":  # "renewed its call to Y [to release ...]"
        yield from (c for c in head.children if c.dep_ in {"advcl", "xcomp"})


def request_author(noun: Token) -> Token | None:
    """Who makes a request noun that names no owner: the subject of the verb that carries it
    ("*X* renewed its call to Y to ...", "*X* issued a call on Y to ...")."""
    if noun.dep_ == "dobj":
        return syntax.subject_of(noun.head)
    if noun.dep_ == "nsubj" and noun.head.i != noun.i and _infinitive(noun.head):
        # '[its call to Y] to drop ...' read as a clause of "reiterated"
        carrier = noun.head.head
        return syntax.subject_of(carrier) if carrier.i != noun.head.i else None
    return None


def nominal_request_rule(tok: Token) -> TriggerRule | None:
    """The rule of a request noun whose "for" clause asks someone to act, or that names
    whom it asks before an infinitive ("its call to Y to drop the charges")."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in REQUEST_NOUNS:
        return None
    for verb in _asked_verbs(tok):
        found = requested_of(verb)
        if found is not None and found[0].i == tok.i:
            return NOMINAL_REQUEST_RULE
    return None


def nominal_addressee(tok: Token) -> Token | None:
    """Whom the request noun at ``tok`` asks: the subject of its "for" clause, or its "to"
    object."""
    for verb in _asked_verbs(tok):
        found = requested_of(verb)
        if found is not None and found[0].i == tok.i:
            return found[1]
    return None


def putting_participle(tok: Token) -> Token | None:
    """The participle that puts a request noun, which dates it: "a proposal *made* on
    Monday", "the request *submitted* in March"."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in REQUEST_NOUNS:
        return None
    return next(
        (c for c in children(tok) if c.dep_ in PUTTING_PARTICIPLE_DEPS and c.tag_ == "VBN"),
        None,
    )
