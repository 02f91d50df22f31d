"""Custody told as a state: "X has been in custody since Feb. 24".

News often reports an arrest only by the state it left: "the journalist *has been in
detention since* September 30", "he *remains in custody since* his arrest on March 2". The
labelling guide codes the arrest (CAMEO 173, COERCE) by the authorities of the held
person's country, on the day custody began: the "since" date, which for any other act is a
limit, not its time. Word classes in ``data/events/word_classes.tsv``.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from dateline.docmemo import children, head_of
from dateline.events import syntax
from dateline.events._doc_memo import sentence_ents_of
from dateline.events._rules import frame_rule
from dateline.events._words import word_class

# Where someone is held: "in *custody*", "in pretrial *detention*", "in *jail*".
HOLDING_NOUNS = word_class("holding_noun")
# Verbs of being somewhere: "has *been* in custody", "*remained* in detention".
STATE_VERBS = word_class("custody_state_verb")
# The arrest custody began with: a rule of its own, for the event's provenance.
CUSTODY_RULE = frame_rule("g.custody.since")
DATE_LABELS = frozenset({"DATE"})
# Who holds the people custody is told of: their country's authorities, by the convention
# for coercion whose agent news leaves unsaid.
CUSTODIAN_SECTOR = "GOV"
CUSTODIAN_RULE = "implicit.custodian"


@dataclass(frozen=True)
class Custody:
    """Someone held since a date: the holding noun, the held phrase's head, the date."""

    noun: Token
    held: Token
    since: Span


def custody_since(noun: Token) -> Custody | None:
    """``noun`` is where the subject of a state verb has been held since a date ("X *has
    been in custody since* Feb. 24"), not an arrest that
    lies ahead or is only asked for ("should be in custody")."""
    if noun.lemma_.lower() not in HOLDING_NOUNS or noun.dep_ != "pobj":
        return None
    prep = head_of(noun)
    verb = head_of(prep)
    if prep.lower_ != "in" or prep.dep_ != "prep" or verb.lemma_.lower() not in STATE_VERBS:
        return None
    if any(c.dep_ == "aux" and c.tag_ == "MD" for c in children(verb)):
        return None  # "should be in custody", "will remain in detention"
    held = syntax.subject_of(verb)
    if held is None and syntax.is_passive(verb):
        held = syntax.passive_subject_of(verb)  # "have been held in detention since"
    if held is None:
        return None
    ents = sentence_ents_of(noun)
    starts = [o for w in (verb, noun) for o in syntax.prep_objects(w, "since")]
    for start in starts:
        since = next(
            (e for e in ents if e.label_ in DATE_LABELS and e.start <= start.i < e.end), None
        )
        if since is not None:
            return Custody(noun, held, since)
    return None
