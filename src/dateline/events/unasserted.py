"""Acts a clause names without asserting them, read from the clause around the trigger.

- condition: an act inside an "if" or "unless" clause is what another clause depends on,
  not news ("could face deportation *if* they are added to the lists of prisoners
  *pardoned* by the king");
- negotiated: the infinitive of a verb of negotiating or seeking is what is negotiated,
  not done ("are negotiating *to import* eggs from Brazil": the talks are the act);
- question: "asked X *if* / *whether* ..." asks a question, it requests nothing; an open
  question as a clause's subject says nothing happened ("*how far* X *will* back Y in its
  battle against Z was not made clear", "*what* X *would* do remains unknown");
- advice to know: "X *should know* that ...", "must understand that ..." tells someone a
  truth the speaker holds (a warning), it demands no act.

Word classes in ``data/events/word_classes.tsv``.
"""

from __future__ import annotations

from spacy.tokens import Token

from dateline.codebook import APPEAL_ROOT, DEMAND_ROOT
from dateline.docmemo import children, head_of
from dateline.events._words import word_class
from dateline.events.mood import CONDITION_MARKS

# Links a trigger may sit under inside the clause that holds it.
CLAUSE_CHAIN_DEPS = frozenset(
    {
        "acl",
        "relcl",
        "amod",
        "prep",
        "pobj",
        "dobj",
        "nsubj",
        "nsubjpass",
        "xcomp",
        "conj",
        "compound",
        "attr",
        "agent",
        "pcomp",
        "ccomp",
    }
)
MAX_HOPS = 6
NEGOTIATING_VERBS = word_class("negotiating_verb")
QUESTION_MARKS = word_class("question_subordinator")
ASKING_VERBS = word_class("asking_verb")
KNOWING_VERBS = word_class("knowing_verb")
ADVISING_MODALS = frozenset({"should", "must", "ought"})
# An open question as a clause's subject: a wh-word opens it and a modal sets it ahead.
SUBJECT_CLAUSE_DEPS = frozenset({"csubj", "csubjpass"})
WH_WORDS = word_class("wh_word")
# How many words may come before the wh-word ("*to what* extent"), and the links that
# hang it from its clause.
WH_REACH = 3
WH_PHRASE_DEPS = frozenset({"advmod", "det", "pcomp", "pobj", "prep", "dobj", "npadvmod"})
QUESTION_MODALS = frozenset({"will", "would", "could", "might", "may", "can", "shall", "'ll"})


def in_condition(tok: Token, code: str) -> bool:
    """``tok`` is inside the condition of an "if" or "unless" clause."""
    current = tok
    for _ in range(MAX_HOPS):
        if current.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in children(current)
        ):
            return True
        head = head_of(current)
        if head.i == current.i or current.dep_ not in CLAUSE_CHAIN_DEPS | {"advcl"}:
            return False
        if current.dep_ == "ccomp":
            return False  # a clause said inside the condition's frame is its own
        current = head
    return False


def is_negotiated(tok: Token, code: str) -> bool:
    """``tok`` is the infinitive of a verb of negotiating ("negotiating *to import*")."""
    head = head_of(tok)
    return (
        tok.dep_ in {"xcomp", "advcl"}
        and head.i != tok.i
        and head.lemma_.lower() in NEGOTIATING_VERBS
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in children(tok))
    )


def is_question_asked(tok: Token, code: str) -> bool:
    """``tok`` asks a question: a request whose clause opens with "if" or "whether"."""
    if not code.startswith((APPEAL_ROOT, DEMAND_ROOT)) or tok.lemma_.lower() not in ASKING_VERBS:
        return False
    return any(
        c.dep_ in {"ccomp", "advcl"}
        and any(m.dep_ == "mark" and m.lower_ in QUESTION_MARKS for m in children(c))
        for c in children(tok)
    )


def is_advice_to_know(tok: Token, code: str) -> bool:
    """``tok`` is a verb of knowing under "should" or "must" with a clause of its own: the
    speaker tells a truth ("they should know that war will not win"), no act is asked."""
    if tok.lemma_.lower() not in KNOWING_VERBS:
        return False
    modal = any(c.dep_ == "aux" and c.lower_ in ADVISING_MODALS for c in children(tok))
    said = any(c.dep_ == "ccomp" for c in children(tok))
    return modal and said


def in_open_question(tok: Token, code: str) -> bool:
    """``tok`` is inside a clause that is an open question about what may come, standing as
    another clause's subject ("how far X will back Y ... was not made clear"), or parsed as
    the sentence's main clause though its subject comes before its modal, as in no direct
    question ("to what extent X will defend Y ..., was not made clear")."""
    current = tok
    for _ in range(MAX_HOPS):
        head = head_of(current)
        if current.dep_ in SUBJECT_CLAUSE_DEPS or head.i == current.i:
            return _opens_with_question(current)
        if current.dep_ not in CLAUSE_CHAIN_DEPS:
            return False
        current = head
    return False


def _opens_with_question(clause: Token) -> bool:
    """``clause`` opens with a wh-word of its own and sets its act ahead with a modal after
    its subject: "how far X will back Y", not "will X back Y?" nor "when talks end, X will"."""
    modals = [c for c in children(clause) if c.dep_ == "aux" and c.lower_ in QUESTION_MODALS]
    subjects = [c for c in children(clause) if c.dep_ in {"nsubj", "nsubjpass"}]
    if not modals or not subjects or subjects[0].i > modals[0].i:
        return False
    opening = [t for t in clause.subtree if t.i < subjects[0].i][:WH_REACH]
    return any(t.lower_ in WH_WORDS and _within(t, clause) for t in opening)


def _within(word: Token, clause: Token) -> bool:
    """``word`` hangs from ``clause`` by phrases only, not from a clause of its own (the
    "when" of "when talks end, ..." marks another clause)."""
    current = word
    for _ in range(MAX_HOPS):
        if current.i == clause.i:
            return True
        if current.dep_ not in WH_PHRASE_DEPS:
            return False
        current = head_of(current)
    return False
