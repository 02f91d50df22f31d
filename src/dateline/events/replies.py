"""Whom a reply answers: the party whose earlier act in the story a response takes up.

"Kenya accused Uganda of arming the rebels. ... Uganda denied the charges", "Washington
urged Tehran to halt enrichment. Tehran rejected the demands", "Canada offered Thailand help
with the refugees. Thailand turned it down": the reply names no other party, only what it
answers ("the charges", "the demands") or a word pointing back ("them", "those claims").
A careful reader takes as its target the source of the latest earlier act of the story of
the kind it answers that was aimed at the one replying.

The step runs when a response (rejection 12, denial 016, agreement or acceptance 03,
yielding or compliance 08) has a source but neither its own phrase nor the author of its
object (``events/_authors.py``) gives a target. Its object is read against
``data/events/reply_objects.tsv``:

- a noun of the file ("the allegations", "all the charges", "the request") answers the acts
  of the codes its row lists (accusations, sanctions and arrests; requests and demands;
  offers and proposals), anywhere earlier in the article;
- an anaphor ("them", "it", "those challenges": a pronoun, or a demonstrative determiner of a
  noun the file does not know) answers any act the reply may answer, within
  ``ANAPHOR_SENTENCES`` sentence back, as does a reply with no object at all ("Y agreed");
- any other object (a noun the file does not know, with no demonstrative) names its own
  thing: no target is inferred.

The earlier act must be aimed at the one replying (the same actor, code or person, or the
same state's side) and not be its own. The sources of that act (all of them, when one
trigger coded several: "Australia, Canada and the U.S. offered ...") are the targets, their
``rule`` ending in ``author.article.reply`` (docs/conventions.md). Nothing fitting leaves the
reply without target, as before: a denial with no accusation before it is aimed at no one.
A denial with no object ("denied involvement") is left to ``events/denials.py``.

A passive reply ("the request was turned down by X") has its object as passive subject, read
as any object; with no "by" agent it has no source here, and is answered only when
``AuthorFinder.passive_agent`` found its agent.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources

from spacy.tokens import Token

from dateline.codebook import DENIAL_CODE
from dateline.docmemo import children, sentence_index
from dateline.events._authors import ARTICLE_RULE, ArticleMemory, AuthorFinder
from dateline.events._phrases import Arg
from dateline.events.denials import same_party
from dateline.model import Actor, Event

REPLY_FILE = "reply_objects.tsv"
REPLY_RULE = f"{ARTICLE_RULE}.reply"
# An anaphor or a bare reply points at what the story has just told: this sentence and the
# one before it (further back, "them" is as likely something no event codes).
ANAPHOR_SENTENCES = 1
ANY = "*"
# Dependents that give a reply an object or content of its own ("refused to attend",
# "denied that ...", "agreed on a plan"): no bare reply.
OWN_CONTENT_DEPS = {"dobj", "xcomp", "ccomp", "prep", "nsubjpass", "attr", "oprd"}


@dataclass(frozen=True)
class ReplyObject:
    id: str
    word: str
    kind: str  # noun | anaphor
    answers: tuple[str, ...]  # code prefixes of the acts answered, or ("*",)
    replies: tuple[str, ...]  # code prefixes of the replies aimed at it


@cache
def reply_objects() -> dict[str, ReplyObject]:
    """The rows of ``reply_objects.tsv`` by word."""
    path = resources.files("dateline") / "data" / "events" / REPLY_FILE
    rows = [
        line
        for line in path.read_text("utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    out: dict[str, ReplyObject] = {}
    for row in csv.DictReader(rows, delimiter="\t"):
        out[row["word"]] = ReplyObject(
            row["id"],
            row["word"],
            row["kind"],
            tuple(row["answers"].split("|")),
            tuple(row["replies"].split("|")),
        )
    return out


def is_reply(cameo: str) -> bool:
    """Is an act of this code a reply some object of the file can be aimed at?"""
    return any(cameo.startswith(r) for o in reply_objects().values() for r in o.replies)


def answerable(cameo: str, row: ReplyObject) -> tuple[str, ...]:
    """The code prefixes of the earlier acts a reply coded ``cameo`` answers through
    ``row`` (none when the reply cannot be aimed at it)."""
    if not any(cameo.startswith(r) for r in row.replies):
        return ()
    if row.answers != (ANY,):
        return row.answers
    return tuple(
        sorted(
            {
                a
                for other in reply_objects().values()
                if other.kind == "noun" and any(cameo.startswith(r) for r in other.replies)
                for a in other.answers
            }
        )
    )


def _object_row(noun: Token) -> tuple[ReplyObject | None, bool]:
    """The row a reply's object reads as, and whether it points back (an anaphor: a pronoun
    of the file, or a noun the file does not know under a demonstrative of the file)."""
    rows = reply_objects()
    lemma = noun.lemma_.lower()
    row = rows.get(lemma) or rows.get(noun.lower_)
    if noun.pos_ == "PRON" or (row is not None and row.kind == "anaphor"):
        return (row, True) if row is not None and row.kind == "anaphor" else (None, False)
    if row is not None and row.kind == "noun":
        return row, False
    for det in children(noun):
        pointer = rows.get(det.lower_)
        if det.dep_ in {"det", "amod", "predet"} and pointer and pointer.kind == "anaphor":
            return pointer, True  # "those challenges", "such demands"
    return None, False


def _is_bare(tok: Token) -> bool:
    """A reply with no object or content: "Y refused", "Y agreed"."""
    return tok.pos_ == "VERB" and not any(c.dep_ in OWN_CONTENT_DEPS for c in children(tok))


def replied_to(
    tok: Token, cameo: str, sources: list[Arg], memory: ArticleMemory | None
) -> list[Arg]:
    """The sources of the earlier act of the story that the reply at ``tok`` (coded
    ``cameo``, by ``sources``) answers, or [] (see the module's docstring)."""
    if memory is None or not sources or not is_reply(cameo):
        return []
    asks: list[tuple[tuple[str, ...], bool]] = []  # (answered prefixes, anaphoric)
    objects = AuthorFinder.act_objects(tok)
    for noun in objects:
        row, anaphoric = _object_row(noun)
        if row is not None and (answered := answerable(cameo, row)):
            asks.append((answered, anaphoric))
    if not objects and _is_bare(tok) and not cameo.startswith(DENIAL_CODE):
        pointer = reply_objects().get("it")
        if pointer is not None and (answered := answerable(cameo, pointer)):
            asks.append((answered, True))
    for answered, anaphoric in asks:
        reach = ANAPHOR_SENTENCES if anaphoric else None
        if found := _earlier_act(tok, answered, reach, sources, memory):
            return found
    return []


def _earlier_act(
    tok: Token,
    answered: tuple[str, ...],
    reach: int | None,
    sources: list[Arg],
    memory: ArticleMemory,
) -> list[Arg]:
    """The sources of the nearest earlier event of an ``answered`` code aimed at one of the
    ``sources`` (within ``reach`` sentences, when given), with every other event of its
    trigger so aimed."""
    here = sentence_index(tok)
    repliers = [s.actor for s in sources]
    found: list[Arg] = []
    at: int | None = None
    for trigger, event in memory.events_before(tok.i):
        if at is not None and trigger.i != at:
            break
        if reach is not None and here - event.sentence.index > reach:
            break
        if _answers(event, answered, repliers):
            at = trigger.i
            if not any(same_party(a.actor, event.source) for a in found):
                found.append(Arg(replace(event.source, rule=_marked(event.source))))
    return found


def _answers(event: Event, answered: tuple[str, ...], repliers: list[Actor]) -> bool:
    target = event.target
    return (
        event.cameo.code.startswith(answered)
        and target is not None
        and any(same_party(target, r) for r in repliers)
        and not any(same_party(event.source, r) for r in repliers)
    )


def _marked(actor: Actor) -> str:
    return f"{actor.rule}+{REPLY_RULE}" if actor.rule else REPLY_RULE
