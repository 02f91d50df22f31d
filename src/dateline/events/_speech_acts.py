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

from dataclasses import replace

from spacy.tokens import Token

from dateline.docmemo import children, head_of
from dateline.events import syntax
from dateline.events._clauses import quotation_speaker, speaker_of
from dateline.events._phrases import MentionLike
from dateline.events._requests import NON_STATE_COUNTRIES
from dateline.events._rules import TriggerRule
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
NOMINAL_REQUEST_RULE = TriggerRule(
    id="sp.n.request.for_clause",
    lemma="proposal",
    pos="NOUN",
    requires=(),
    targets=("none",),
    cameo="020",
    note="a proposal for Y to ...",
)
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


def requested_of(verb: Token) -> tuple[Token, Token] | None:
    """The request noun and the addressee of an infinitive it asks for: "a proposal for
    *the Council* to *lift* sanctions" -> (proposal, Council)."""
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


def nominal_request_rule(tok: Token) -> TriggerRule | None:
    """The rule of a request noun whose "for" clause asks someone to act."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in REQUEST_NOUNS:
        return None
    for verb in tok.subtree:
        found = requested_of(verb)
        if found is not None and found[0].i == tok.i:
            return NOMINAL_REQUEST_RULE
    return None


def nominal_addressee(tok: Token) -> Token | None:
    """Whom the request noun at ``tok`` asks: the subject of its "for" clause."""
    for verb in tok.subtree:
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
