"""The accuser of a trial the story holds in a place but names no court or prosecutor for.

"A trial opened in Paris on Monday over the bombing ... Two soldiers *stand accused* of the
bombing": an accusation that names no accuser is the court's or the prosecutors' the story
named (``AuthorFinder.accusing_court``); when it named none but held the trial, hearing or
proceedings in a place, the accuser is the judiciary of that place's state (its actor
carries ``implicit.trial_venue``). A story that names an international court before the
accusation is left alone: a trial "in The Hague" is that court's, not the Netherlands'.

Prosecutors the resolver cannot place ("*Prosecutors* say X hired Y to kill Z") speak for
the court the story named last, or else for the judiciary of the story's trial venue,
looked for anywhere earlier in the story (``PROSECUTOR_SENTENCES``): the story's
prosecutors are those of its trial (``prosecutors_court``).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from dateline.docmemo import children, head_of, sentence_index, sentences
from dateline.events import syntax
from dateline.events._authors import ArticleMemory
from dateline.events._blame import PROSECUTING_NOUNS
from dateline.events._phrases import Arg
from dateline.events._words import word_class

# "a *trial* opened in Paris", "the *hearing* in Nairobi", "*proceedings* in Ankara".
COURT_SESSION_NOUNS = word_class("court_session_noun")
# How far back (in sentences, this one included) the story's trial is looked for.
VENUE_SENTENCES = 5
VENUE_RULE = "implicit.trial_venue"
# How far back the trial whose prosecutors speak is looked for: a story's whole account.
PROSECUTOR_SENTENCES = 12
JUDICIAL_SECTOR = "JUD"
INTERNATIONAL = "IGO"
# Links from a session noun to the verb that places it: "a trial *opened* in Paris".
PLACING_DEPS = {"nsubj", "nsubjpass", "dobj"}


def _venues(noun: Token) -> list[Token]:
    """Where a session is held: "a trial in Paris", "a trial opened in Paris", "the
    hearing, held in Nairobi"."""
    heads = [noun, *(c for c in children(noun) if c.dep_ == "acl")]
    verb = head_of(noun)
    if noun.dep_ in PLACING_DEPS and verb.pos_ in {"VERB", "AUX"}:
        heads.append(verb)
    return [p for h in heads for p in syntax.prep_objects(h, "in")]


def _names_international_court(memory: ArticleMemory, before: int) -> bool:
    return any(
        i < before
        and m.actor.sector == JUDICIAL_SECTOR
        and (m.actor.code or "").startswith(INTERNATIONAL)
        for i, m in memory.by_token.items()
    )


def trial_venue_court(
    tok: Token, memory: ArticleMemory, window: int = VENUE_SENTENCES
) -> list[Arg]:
    """The judiciary of the state where the story's trial is held, nearest trial before
    ``tok`` within ``window`` sentences; none when the story has named an international
    court or places its trial nowhere the actor lists know."""
    doc = memory.doc
    sents = sentences(doc)
    here = sentence_index(doc[tok.i])
    first = sents[max(here - window + 1, 0)].start
    sessions = [
        doc[i]
        for i in range(tok.i - 1, first - 1, -1)
        if doc[i].pos_ == "NOUN" and doc[i].lemma_.lower() in COURT_SESSION_NOUNS
    ]
    if not sessions or _names_international_court(memory, tok.i):
        return []
    for session in sessions:
        for place in _venues(session):
            mention = memory.by_token.get(place.i)
            if mention is None or not (country := mention.actor.country):
                continue
            actor = mention.actor
            rule = f"{actor.rule}+{VENUE_RULE}" if actor.rule else VENUE_RULE
            court = replace(
                actor, code=f"{country}{JUDICIAL_SECTOR}", sector=JUDICIAL_SECTOR, rule=rule
            )
            return [Arg(court)]
    return []


def prosecutors_court(
    speaker: Token, speakers: list[Arg], memory: ArticleMemory | None
) -> list[Arg]:
    """The judiciary unplaced prosecutors speak for (``speakers`` when placed, or when the
    story holds no trial): the court named within a few sentences, else the trial's venue."""
    if memory is None or any(s.actor.code for s in speakers):
        return speakers
    if speaker.lemma_.lower() not in PROSECUTING_NOUNS:
        return speakers
    return trial_venue_court(speaker, memory, PROSECUTOR_SENTENCES) or speakers
