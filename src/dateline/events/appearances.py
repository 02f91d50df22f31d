"""Joint appearances: "held a joint news *conference* with X", "told reporters at a press
*briefing* in Paris with X", "in a joint *appearance* with X".

A news conference by itself announces, it does not act (the trigger lexicon skips "press" and
"news" nouns); held "with" another party, it is a meeting with that party in person (CAMEO
040, CONSULT), whatever is said at it. The "with" phrase is the noun's own, or, as the parser
often hangs it, the verb's that the noun is an object of ("held a news conference on Monday
with X"). Word classes in ``data/events/word_classes.tsv``.
"""

from __future__ import annotations

from spacy.tokens import Token

from dateline.events import syntax
from dateline.events._rules import frame_rule
from dateline.events._words import word_class

# Occasions of speaking in public: "news *conference*", "press *briefing*".
APPEARANCE_NOUNS = word_class("appearance_noun")
PARTNER_PREPOSITION = "with"
APPEARANCE_RULE = frame_rule("rel.n.appearance.with")


def appearance_partners(tok: Token) -> list[Token]:
    """The parties named by the "with" phrase of a news conference at ``tok`` ("a news
    conference *with* X"); none when ``tok`` is no such noun or has no "with" partner."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in APPEARANCE_NOUNS:
        return []
    partners = syntax.prep_objects(tok, PARTNER_PREPOSITION)
    if not partners and tok.dep_ in {"dobj", "pobj"}:
        # "during a news conference at the ministry on Monday with X": the parser may hang
        # the "with" phrase on the verb or the preposition the noun depends on
        carrier = tok.head.head if tok.dep_ == "pobj" else tok.head
        partners = [p for p in syntax.prep_objects(carrier, PARTNER_PREPOSITION) if p.i > tok.i]
    return [c for p in partners for c in syntax.expand_conjuncts(p)]
