"""Acts done as the means of another: "Japan helped Thailand *by offering* to resettle the
refugees", "China retaliated against Japan *by banning* seafood imports", "X has worked
with Y for years, *including by offering* to ...".

A gerund after "by" (or "through") names how the subject of the verb it hangs on did what
that verb says. It shares that verb's subject, and, naming no party of its own, it is aimed
at the party the verb is aimed at: offering to resettle refugees "to help Thailand" is an
offer to Thailand, banning imports "in retaliation against Japan" a sanction on Japan. The
parser may put "including" between the verb and the "by" phrase. Word classes in
``data/events/word_classes.tsv``.
"""

from __future__ import annotations

from spacy.tokens import Token

from dateline.docmemo import children, head_of
from dateline.events import syntax
from dateline.events._words import word_class

# Prepositions that introduce the means of an act: "*by* offering", "*through* banning".
MEANS_PREPOSITIONS = word_class("means_preposition")
# Words the parser may put between the verb and its means: "*including* by offering".
MEANS_LINKS = word_class("means_link")
GERUND_TAG = "VBG"
PURPOSE_DEPS = frozenset({"advcl", "xcomp"})
MAX_LINKS = 2


def means_of(tok: Token) -> Token | None:
    """The verb whose act ``tok`` is the means of ("helped Y *by offering* ..."): the verb
    a "by" gerund hangs on, past any "including"; None for anything else, and for the
    agent of a passive ("was ended by closing the border" names no doer)."""
    if tok.pos_ != "VERB" or tok.tag_ != GERUND_TAG or tok.dep_ != "pcomp":
        return None
    prep = head_of(tok)
    if prep.lower_ not in MEANS_PREPOSITIONS:
        return None
    verb = head_of(prep)
    for _ in range(MAX_LINKS):
        if verb.lemma_.lower() not in MEANS_LINKS or verb.i == head_of(verb).i:
            break
        verb = head_of(verb)
    if verb.pos_ != "VERB" or verb.i == tok.i or syntax.is_passive(verb):
        return None
    if verb.dep_ in PURPOSE_DEPS and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in children(verb)
    ):
        # "worked with Y to avoid ..., including by offering": the means of the act the
        # purpose is of
        verb = head_of(verb)
    return verb
