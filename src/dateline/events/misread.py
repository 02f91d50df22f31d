"""Nouns the tagger reads as verbs.

The small English model often takes a bare noun after a name for a present-tense verb:
"after *the Oval Office clash* between X and Y" comes out as the subject "the Oval Office"
doing "clash" between X and Y. A verb in its bare form does not take a determiner-led
subject *and* a "between X and Y" of its own with no object; a noun of a dispute does. This
module finds such a token and the subject that is really its modifier, so the coder can
read the word with its noun rules.
"""

from __future__ import annotations

from spacy.tokens import Token

from dateline.docmemo import children
from dateline.events import syntax

# Bare and non-third-person present forms: the tags the model gives a noun it misreads.
BARE_VERB_TAGS = {"VB", "VBP"}
SINGULAR_NOUN_TAGS = {"NN", "NNP"}
PLURAL_NOUN_TAGS = {"NNS", "NNPS"}
CLAUSE_MARKS = {"aux", "auxpass", "neg", "dobj", "nsubjpass"}


def misread_noun(tok: Token) -> Token | None:
    """The modifier of the noun at ``tok`` misread as a verb ("the *Oval Office* clash
    between X and Y"), or None when ``tok`` reads as a verb."""
    if tok.pos_ != "VERB" or tok.tag_ not in BARE_VERB_TAGS or tok.i == 0:
        return None
    if any(c.dep_ in CLAUSE_MARKS for c in children(tok)):
        return None  # "they *will* clash", "do not clash", "clash swords": a verb
    before = tok.doc[tok.i - 1]
    if before.tag_ not in SINGULAR_NOUN_TAGS:
        return None
    # A singular noun does not agree with a bare verb form ("the office clash", not
    # "clashes"), and only a noun phrase led by a determiner is the noun's own opening.
    if not any(c.dep_ == "det" for c in children(before)):
        return None
    pair = syntax.prep_objects(tok, "between")
    if not any(len(syntax.expand_conjuncts(p)) > 1 or p.tag_ in PLURAL_NOUN_TAGS for p in pair):
        return None
    return before
