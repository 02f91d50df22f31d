"""An accusation judged false is denied, not criticised.

- "X said the accusations were *baseless*", '"The charges are *unfounded*," X said': a
  dismissive judgement of an accusation (an allegation noun as the subject of the judging
  copula) is the speaker's denial of it (CAMEO 016, PLOVER REJECT), not criticism (111).
- '"It is *surprising* for us to be accused of ...," X said', "It is *absurd* to accuse
  Y of ...": a dismissive judgement of being accused is a denial too.

The denial names no one: the coder aims it at whoever the story said made the accusation
(events/denials.py).
"""

from __future__ import annotations

from spacy.tokens import Token

from dateline.docmemo import children, head_of
from dateline.events import syntax
from dateline.events._clauses import stated_by
from dateline.events._rules import TriggerRule, frame_rule
from dateline.events._words import word_class

ALLEGATION_NOUNS = word_class("allegation_noun")
# Judgements that call an accusation untrue or out of place: "baseless", "absurd".
DISMISSIVE_WORDS = word_class("dismissive_judgement")
# Verbs of accusing whose passive or infinitive a dismissive judgement may be about.
ACCUSING_VERBS = word_class("accusing_verb")
DISMISSAL_SUFFIX = ":dismissal"
COPULAS = {"be", "seem", "sound", "remain"}

DISMISSAL_RULE = frame_rule("rq4.dismissal")


def dismisses_accusation(judged: Token) -> bool:
    """The phrase a negative judgement is about is an accusation ("*the accusations* were
    baseless", "*these charges* are absurd")."""
    return judged.pos_ in {"NOUN", "PROPN"} and judged.lemma_.lower() in ALLEGATION_NOUNS


def _dismissed(word: Token) -> bool:
    """``word`` is a dismissive judgement predicated of an accusation or of being accused."""
    if word.lower_ not in DISMISSIVE_WORDS or word.dep_ not in {"acomp", "attr"}:
        return False
    copula = head_of(word)
    if copula.lemma_.lower() not in COPULAS:
        return False
    subject = syntax.subject_of(copula)
    if subject is not None and dismisses_accusation(subject):
        return True
    # "It is surprising (for X) to be accused of ...": the extraposed clause
    return any(
        c.dep_ in {"xcomp", "ccomp", "advcl"}
        and any(v.lemma_.lower() in ACCUSING_VERBS for v in (c, *children(c)))
        for c in (*children(copula), *children(word))
    )


def dismissal_rule(tok: Token) -> TriggerRule | None:
    """The rule of a dismissive judgement of an accusation at ``tok``, said by someone."""
    return DISMISSAL_RULE if _dismissed(tok) and dismisser(tok) is not None else None


def dismisser(tok: Token) -> Token | None:
    """Who dismisses the accusation: the speaker of the judging clause."""
    return stated_by(head_of(tok))
