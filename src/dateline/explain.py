"""Why an event was, or was not, coded: ``dateline explain`` and ``GET /explain``.

``explain_text`` (or ``explain_article``) codes one article as ``dateline code`` does, with
the event coder's trace switched on (``dateline.events.trace``), and returns, for every
sentence:

* the actors found, with the rule that coded each (and, for a pronoun or a later mention,
  the earlier mention it refers back to);
* the trigger candidates: the words that head a lexicon rule, with the rule's frame, and
  what became of each (coded, or the name of the check that vetoed it);
* every check that vetoed, changed or dropped a candidate;
* the events coded, with the mood, date and place rules that gave their code, date and place.

The result is data (dataclasses; ``Explanation.to_dict`` for JSON): the CLI formats it.
The events are exactly those ``dateline code`` writes for the article.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from dateline.actors import Mention
from dateline.events import MOOD, REVERSE_SUFFIX, CheckRecord, CodingTrace
from dateline.model import Actor, Article, Event
from dateline.pipeline import Pipeline, shared_pipeline

# What became of a trigger candidate: coded (at least one of its events is in the output),
# vetoed (a check stopped it before any event), dropped (its events were built, then
# dropped by a check of the whole sentence), not coded (no check fired, no event came out).
CODED, VETOED, DROPPED, NOT_CODED = "coded", "vetoed", "dropped", "not coded"


@dataclass
class ActorFound:
    """An actor mention, as the resolver coded it."""

    text: str
    start: int  # character offsets in the article body
    end: int
    code: str | None
    country: str | None
    name: str | None
    rule: str | None  # the knowledge-base entry or rule that coded it
    members: list[str] = field(default_factory=list)  # codes of "the two sides"' members
    # A mention coded from an earlier one (a pronoun, "the president"): that mention.
    refers_to: str | None = None
    refers_to_sentence: int | None = None


@dataclass
class CheckApplied:
    """A named check of the coder that vetoed, changed or dropped a candidate."""

    check: str
    effect: str  # vetoed | changed | dropped
    trigger: str
    start: int  # the trigger's character offset
    rule: str | None
    detail: str = ""


@dataclass
class Candidate:
    """A word that heads a rule of the trigger lexicon."""

    trigger: str
    start: int
    rule: str
    cameo: str  # the rule's own code, before any mood
    frame: str  # the rule's requirements ("obj=aid|help"); "" for a bare word
    outcome: str  # coded | vetoed | dropped | not coded
    checks: list[str] = field(default_factory=list)  # names of the checks that applied


@dataclass
class EventActor:
    code: str | None
    text: str
    rule: str | None
    sentence: int | None = None  # the sentence that names it, when not the event's own


@dataclass
class EventExplained:
    """A coded event and the rules behind its code, date and place."""

    id: str
    trigger: str
    rule: str  # trigger rule id (+ mood rule id)
    cameo: str
    cameo_name: str | None
    plover: str
    source: EventActor
    target: EventActor | None
    mood: str | None  # how a mood, obligation or demand re-coded the act, if one did
    negated: bool
    hypothetical: bool
    date: str | None
    date_rule: str  # sentence | frame | published | none (Event.date_source)
    date_text: str | None
    place: str | None
    place_rule: str | None  # sentence | dateline | article (Location.source)
    confidence: float


@dataclass
class SentenceExplanation:
    index: int
    text: str
    start: int
    actors: list[ActorFound] = field(default_factory=list)
    candidates: list[Candidate] = field(default_factory=list)
    checks: list[CheckApplied] = field(default_factory=list)
    events: list[EventExplained] = field(default_factory=list)


@dataclass
class Explanation:
    """Why each sentence of an article gave the events it gave."""

    article_id: str
    published: str | None
    sentences: list[SentenceExplanation]
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def explain_text(
    text: str, *, published: str | None = None, pipeline: Pipeline | None = None
) -> Explanation:
    """Explain the coding of plain text (cleaned as ``dateline code`` cleans a text file;
    ``published``, YYYY-MM-DD, dates it when it carries no date of its own)."""
    from dateline.ingest import article_from_text

    article = article_from_text(text, origin="<explain>", published=published)
    return explain_article(article, pipeline=pipeline)


def explain_article(article: Article, *, pipeline: Pipeline | None = None) -> Explanation:
    """Explain the coding of one article."""
    pipe = pipeline or shared_pipeline()
    trace = CodingTrace()
    doc = pipe.nlp(article.body)
    document, mentions = pipe.code_traced(article, doc, trace)
    sentences = [
        SentenceExplanation(i, s.text.rstrip(), s.start_char) for i, s in enumerate(doc.sents)
    ]
    bounds = [(s.start, s.start + len(s.text)) for s in sentences]
    for mention in mentions:
        found = _actor_found(mention, mentions, bounds, article.body)
        sentences[_sentence_at(bounds, mention.start)].actors.append(found)
    coded = {(e.trigger.start, e.rule) for e in document.events}
    checks = trace.checks
    for cand in trace.candidates:
        own = [c for c in checks if c.trigger == cand.trigger and _same_rule(c.rule, cand.rule)]
        outcome = _outcome(cand.trigger, cand.rule, own, coded)
        sentences[_sentence_at(bounds, cand.trigger)].candidates.append(
            Candidate(
                cand.word,
                cand.trigger,
                cand.rule,
                cand.cameo,
                cand.frame,
                outcome,
                list(dict.fromkeys(c.check for c in own)),
            )
        )
    words = {c.trigger: c.word for c in trace.candidates}
    for record in checks:
        sentences[_sentence_at(bounds, record.trigger)].checks.append(
            CheckApplied(
                record.check,
                record.effect,
                words.get(record.trigger, ""),
                record.trigger,
                record.rule,
                record.detail,
            )
        )
    for event in document.events:
        sentences[event.sentence.index].events.append(_event_explained(event, checks, bounds))
    return Explanation(article.id, article.published, sentences, list(document.warnings))


def _same_rule(check_rule: str | None, rule: str) -> bool:
    """A check's rule is the candidate's, or the candidate's with a mood or suffix added."""
    return check_rule is not None and (check_rule == rule or check_rule.startswith(rule))


def _outcome(
    trigger: int, rule: str, checks: Sequence[CheckRecord], coded: set[tuple[int, str]]
) -> str:
    if any(start == trigger and _same_rule(kept, rule) for start, kept in coded):
        return CODED
    if any(c.effect == "vetoed" for c in checks):
        return VETOED
    if any(c.effect == "dropped" for c in checks):
        return DROPPED
    return NOT_CODED


def _sentence_at(bounds: Sequence[tuple[int, int]], char: int) -> int:
    for i, (start, end) in enumerate(bounds):
        if start <= char < end or (i == len(bounds) - 1 and char >= start):
            return i
    return 0


def _actor_found(
    mention: Mention,
    mentions: Sequence[Mention],
    bounds: Sequence[tuple[int, int]],
    body: str,
) -> ActorFound:
    actor = mention.actor
    found = ActorFound(
        body[mention.start : mention.end],
        mention.start,
        mention.end,
        actor.code,
        actor.country,
        actor.name,
        actor.rule,
        [m.code or m.country or m.text for m in mention.members],
    )
    if "coref:" in (actor.rule or ""):
        earlier = _antecedent(mention, mentions)
        if earlier is not None:
            found.refers_to = body[earlier.start : earlier.end]
            found.refers_to_sentence = _sentence_at(bounds, earlier.start)
    return found


def _antecedent(mention: Mention, mentions: Sequence[Mention]) -> Mention | None:
    """The nearest earlier mention, not itself coded from another, of the same actor."""
    actor = mention.actor
    for other in reversed(mentions):
        if other.start >= mention.start or "coref:" in (other.actor.rule or ""):
            continue
        if _same_actor(other.actor, actor):
            return other
    return None


def _same_actor(a: Actor, b: Actor) -> bool:
    return (a.code, a.country, a.name) == (b.code, b.country, b.name) and bool(a.code or a.country)


def _event_actor(actor: Actor, own: int, bounds: Sequence[tuple[int, int]]) -> EventActor:
    at = _sentence_at(bounds, actor.start) if actor.text else own
    return EventActor(
        actor.code or actor.country, actor.text, actor.rule, at if at != own else None
    )


def _event_explained(
    event: Event, checks: Sequence[CheckRecord], bounds: Sequence[tuple[int, int]]
) -> EventExplained:
    own = event.sentence.index
    mood = next(
        (
            c.detail
            for c in checks
            if c.check == MOOD
            and c.trigger == event.trigger.start
            and c.rule == event.rule.removesuffix(REVERSE_SUFFIX)
        ),
        None,
    )
    where = event.location
    return EventExplained(
        id=event.id,
        trigger=event.trigger.text,
        rule=event.rule,
        cameo=event.cameo.code,
        cameo_name=event.cameo.name,
        plover=event.plover.event,
        source=_event_actor(event.source, own, bounds),
        target=_event_actor(event.target, own, bounds) if event.target else None,
        mood=mood,
        negated=event.negated,
        hypothetical=event.hypothetical,
        date=event.date,
        date_rule=event.date_source or "none",
        date_text=event.date_text,
        place=where.name if where else None,
        place_rule=where.source if where else None,
        confidence=event.confidence,
    )
