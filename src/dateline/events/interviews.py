"""A news outlet's interview is no consultation.

"VOA spoke with X about his trip", "X talked to the newspaper": the press asks and reports,
it meets no one as a party to international relations. The labelling guide leaves such acts
out ("things said to the press"); what the person interviewed says is coded on its own verbs.
A meeting noun with a press party ("a meeting with publishers") is left alone: publishers
summoned by a government are a party to it."""

from __future__ import annotations

from spacy.tokens import Token

from dateline.events._arguments import Arg
from dateline.events._words import word_class

INTERVIEW_VERBS = word_class("interview_verb")
PRESS_SECTOR = "MED"


def is_press_interview(tok: Token, source: Arg, target: Arg | None) -> bool:
    """The consultation at ``tok`` is a verb of talking between a news outlet or journalist
    and someone else."""
    if target is None or tok.pos_ != "VERB" or tok.lemma_.lower() not in INTERVIEW_VERBS:
        return False
    sectors = {source.actor.sector, target.actor.sector}
    return PRESS_SECTOR in sectors and sectors != {PRESS_SECTOR}
