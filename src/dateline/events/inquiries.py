"""Inquiries an official says were opened, with no one named as opening them.

"The minister said three commissions *have been created to investigate* the mutiny", "an
investigation *has been opened* into the attack, the police chief said", "the killings *are
being investigated*, the prosecutor said": an agentless passive that opens an inquiry (CAMEO
09), told by an official of a state (government, judiciary or police), is that state's
investigation; told by anyone else (a relative, a rights group, a reporter) it is no one's.
"""

from __future__ import annotations

from spacy.tokens import Token

from dateline.docmemo import head_of
from dateline.events import syntax
from dateline.events._clauses import is_purpose_of

INVESTIGATE_ROOT = "09"


def _agentless(verb: Token | None) -> bool:
    return (
        verb is not None
        and verb.pos_ == "VERB"
        and syntax.is_passive(verb)
        and syntax.agent_of(verb) is None
        and not syntax.is_negated(verb)
    )


def opened_inquiry(tok: Token, cameo: str) -> Token | None:
    """The agentless passive verb that carries the inquiry at ``tok``: ``tok`` itself ("are
    being investigated"), the verb it is the subject of ("an investigation has been
    opened") or the verb whose purpose it states ("commissions have been set up to
    investigate"); None for any other act, or an inquiry whose opener the clause names."""
    if not cameo.startswith(INVESTIGATE_ROOT):
        return None
    if tok.pos_ == "VERB" and syntax.is_passive(tok):
        return tok if _agentless(tok) else None
    if tok.pos_ == "NOUN" and tok.dep_ == "nsubjpass":
        carrier: Token | None = head_of(tok)
    elif tok.pos_ == "VERB":
        carrier = is_purpose_of(tok)
    else:
        return None
    return carrier if _agentless(carrier) else None
