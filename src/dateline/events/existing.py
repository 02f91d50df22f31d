"""Acts named as things that exist, not reported as done.

"The security cooperation between X and Y *still stands*", "the alliance *remains* in
place": a noun of an act as the subject of a verb of persisting says the act's result is
still there; it reports no new act. "Washington *could* react *to* China's ban on its
chips": a noun of an act in a phrase of a hypothetical verb is what the possible reaction
answers, background to a forecast, not news of its own (the labelling guide skips
hypotheticals and analysts' assessments). Word classes in ``data/events/word_classes.tsv``.
"""

from __future__ import annotations

from spacy.tokens import Token

from dateline.events._clauses import MODALS
from dateline.events._words import word_class

PERSISTING_VERBS = word_class("persisting_verb")
NOUN_TAGS = frozenset({"NOUN", "PROPN"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# Modals of a possible act; "will" and "must" report an intent or a demand of the subject,
# whose object is the news.
POSSIBILITY_MODALS = MODALS - {"will", "'ll", "must", "shall"}


def is_existing_mention(tok: Token) -> bool:
    """``tok`` is a noun of an act named as something already there: the subject of a verb
    of persisting ("the cooperation still *stands*"), or the object of a preposition of a
    verb under a modal of possibility ("could react *to* China's *ban*")."""
    if tok.pos_ not in NOUN_TAGS:
        return False
    head = tok.head
    if tok.dep_ in SUBJECT_DEPS:
        return head.lemma_.lower() in PERSISTING_VERBS
    if tok.dep_ != "pobj" or head.dep_ != "prep":
        return False
    verb = head.head
    return verb.pos_ in {"VERB", "AUX"} and any(
        c.dep_ == "aux" and c.lower_ in POSSIBILITY_MODALS for c in verb.children
    )
