"""The one orchestration: from a cleaned ``Article`` to a coded ``Document``.

``Pipeline.code_many`` runs, for each article:

1. **language gate**: non-English articles are returned uncoded with a warning;
2. **parse**: spaCy ``en_core_web_sm`` (sentences, entities, dependencies), batched;
3. **actors**: every actor mention resolved to a CAMEO actor code, with in-article
   coreference (``dateline.actors``);
4. **events**: trigger lexicon + dependency frames per sentence -> CAMEO/PLOVER events with
   negation, modality, date, place, confidence and the evidence sentence (``dateline.events``);
5. **quantities and topics**: money and counts, with the sentence they belong to.

State (model, knowledge base, lexicon, codebook) is loaded once in ``Pipeline.__init__``.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc

from dateline.actors import ActorResolver, KnowledgeBase, Mention, load_kb
from dateline.codebook import Codebook, load_codebook
from dateline.errors import InputError
from dateline.events import (
    PLACE_LABELS,
    CodingTrace,
    EventCoder,
    NamedPlace,
    SentenceContext,
    carry_places,
    code_pair,
    extract_quantities,
    load_lexicon,
    parse_iso_date,
    sentence_contexts,
)
from dateline.model import Actor, Article, Cameo, Document, Entity, Event, Location, Plover
from dateline.nlp import load_spacy
from dateline.places import Gazetteer

DEFAULT_BATCH_SIZE = 32
# Entity labels reported in Document.entities (people, organisations, places, groups).
ENTITY_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"}
ENGLISH = {"en", None}
# Tokens spaCy parses in one call. Its temporary memory grows linearly with them (about 17 KB
# a token for en_core_web_sm: 80,000 tokens of one article took 1.3 GB), so a batch is parsed
# in groups under this budget and a longer article is returned uncoded: a worker's memory
# stays bounded whatever the input. 30,000 tokens are about 150,000 characters of prose, far
# more than a long news feature.
MAX_PARSE_TOKENS = 30_000


@dataclass(frozen=True)
class PipelineConfig:
    """What a user may change without touching code."""

    actor_files: Sequence[Path] = ()  # extra knowledge-base / TABARI dictionaries
    trigger_files: Sequence[Path] = ()  # extra trigger lexicons
    batch_size: int = DEFAULT_BATCH_SIZE
    code_non_english: bool = False
    extra: dict[str, str] = field(default_factory=dict)


class Pipeline:
    """Everything needed to code articles, loaded once per process."""

    def __init__(self, config: PipelineConfig | None = None) -> None:
        self.config = config or PipelineConfig()
        self.nlp = load_spacy()
        self.codebook: Codebook = load_codebook()
        self.lexicon = load_lexicon(self.config.trigger_files, valid_codes=self.codebook.codes())
        self.kb: KnowledgeBase = load_kb(self.config.actor_files)
        self.places: Gazetteer = self.kb.gazetteer()
        self.resolver = ActorResolver(self.kb)
        self.coder = EventCoder(self.lexicon, self.codebook)

    @property
    def warnings(self) -> list[str]:
        """Problems found while loading user files (file, line, reason)."""
        return [*self.lexicon.warnings, *(str(w) for w in self.kb.warnings)]

    def code(self, article: Article) -> Document:
        return next(iter(self.code_many([article])))

    def code_many(
        self, articles: Iterable[Article], *, batch_size: int | None = None
    ) -> Iterator[Document]:
        """Code articles in input order; spaCy parses them in batches."""
        size = batch_size or self.config.batch_size
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= size:
                yield from self._code_batch(batch)
                batch = []
        if batch:
            yield from self._code_batch(batch)

    def _code_batch(self, batch: list[Article]) -> Iterator[Document]:
        reasons: dict[int, str] = {}
        tokenized: list[tuple[int, Doc]] = []
        for article in batch:
            reason = self._not_codable(article)
            if reason is None:
                tokens = self.nlp.make_doc(article.body)
                if len(tokens) <= MAX_PARSE_TOKENS:
                    tokenized.append((id(article), tokens))
                    continue
                reason = (
                    f"{len(tokens)} tokens, more than the {MAX_PARSE_TOKENS} parsed at once: "
                    "not coded; split the article"
                )
            reasons[id(article)] = reason
        parsed: dict[int, Doc] = {}
        for group in _token_groups(tokenized, MAX_PARSE_TOKENS):
            keys = [key for key, _ in group]
            parsed.update(zip(keys, self.nlp.pipe(doc for _, doc in group), strict=True))
        for article in batch:
            doc = parsed.get(id(article))
            if doc is None:
                yield Document(article=article, warnings=[reasons[id(article)]])
            else:
                yield self.code_parsed(article, doc)

    def _is_codable(self, article: Article) -> bool:
        return self._not_codable(article) is None

    def _not_codable(self, article: Article) -> str | None:
        """Why an article is returned uncoded, or None when it is coded."""
        if not (self.config.code_non_english or article.language in ENGLISH):
            return f"language {article.language!r} is not English: not coded"
        # spaCy refuses longer texts (and would need gigabytes for them): one such article
        # must not take its whole batch down with it.
        if len(article.body) > self.nlp.max_length:
            return (
                f"{len(article.body)} characters, more than the parser's limit of "
                f"{self.nlp.max_length}: not coded; split the article"
            )
        return None

    def code_parsed(self, article: Article, doc: Doc) -> Document:
        """Stages 3-5 on an article whose body spaCy has already parsed."""
        return self.code_traced(article, doc)[0]

    def code_traced(
        self, article: Article, doc: Doc, trace: CodingTrace | None = None
    ) -> tuple[Document, list[Mention]]:
        """``code_parsed``, with the actor mentions it found, and with what the event coder
        did with each sentence recorded in ``trace`` (see ``dateline.explain``)."""
        published = parse_iso_date(article.published)
        home = article.dateline.country if article.dateline else None
        mentions = self.resolver.resolve(doc, when=published, home_country=home)
        default_location = self._dateline_location(article)
        events: list[Event] = []
        memory = self.coder.article_memory(doc, mentions)
        for sent in sentence_contexts(doc):
            events.extend(
                self.coder.code_sentence(
                    sent,
                    mentions,
                    article_id=article.id,
                    published=published,
                    default_location=default_location,
                    places=self.places,
                    memory=memory,
                    trace=trace,
                )
            )
        self.coder.date_by_frame(doc, events, published)
        carry_places(events, self._places_named(doc))
        sentence_index = {s.start: i for i, s in enumerate(doc.sents)}
        quantities = extract_quantities(doc, sentence_index)
        for event in events:
            event.quantities = [
                i for i, q in enumerate(quantities) if q.sentence_index == event.sentence.index
            ]
        document = Document(
            article=article,
            events=events,
            entities=self._entities(doc, mentions, sentence_index),
            quantities=quantities,
            topics=sorted({c for e in events for c in e.plover.context}),
        )
        return document, mentions

    def _places_named(self, doc: Doc) -> list[NamedPlace]:
        """The places the text names that the gazetteer knows, with their countries."""
        out: list[NamedPlace] = []
        for ent in doc.ents:
            if ent.label_ not in PLACE_LABELS:
                continue
            place = self.places.locate(ent.text)
            if place is not None and place.country:
                out.append((ent.start_char, ent.end_char, place.country))
        return out

    def _dateline_location(self, article: Article) -> Location | None:
        if article.dateline is None:
            return None
        known = self.places.locate(article.dateline.place)
        stated = article.dateline.country
        # "HYDERABAD, Pakistan": the country the dateline states wins over a namesake's.
        if known is not None and (stated is None or known.country == stated):
            known.source = "dateline"
            return known
        return Location(article.dateline.place, article.dateline.country, source="dateline")

    def _entities(
        self, doc: Doc, mentions: list[Mention], sentence_index: dict[int, int]
    ) -> list[Entity]:
        coded = {(m.start, m.end): m for m in mentions}
        out: list[Entity] = []
        for ent in doc.ents:
            if ent.label_ not in ENTITY_LABELS:
                continue
            mention = coded.get((ent.start_char, ent.end_char))
            actor = mention.actor if mention else None
            out.append(
                Entity(
                    text=ent.text,
                    start=ent.start_char,
                    end=ent.end_char,
                    label=ent.label_,
                    code=actor.code if actor else None,
                    country=actor.country if actor else None,
                    sector=actor.sector if actor else None,
                    name=actor.name if actor else None,
                    sentence_index=sentence_index.get(ent.sent.start),
                )
            )
        # Doc.text joins every token anew on each access: read it once, not once per mention.
        text = doc.text
        _code_like_namesakes(out, [(text[m.start : m.end], m.actor) for m in mentions])
        return out


def _code_like_namesakes(entities: list[Entity], coded: list[tuple[str, Actor]]) -> None:
    """An entity the resolver left uncoded ("China" where it is no event's actor) takes the
    coding its name has elsewhere in the article: the code when every coded namesake has
    the same, else the country when they share one ("Astana" coded KAZGOV and KAZCVL ->
    KAZ); names coded to several countries stay uncoded."""
    seen: dict[str, list[Actor]] = {}
    for text, actor in coded:
        if actor.code or actor.country:
            seen.setdefault(text.casefold(), []).append(actor)
    for entity in entities:
        if entity.code or entity.country:
            seen.setdefault(entity.text.casefold(), []).append(
                Actor(entity.text, entity.start, entity.end, code=entity.code,
                      country=entity.country, sector=entity.sector, name=entity.name)
            )  # fmt: skip
    for entity in entities:
        if entity.code or entity.country:
            continue
        namesakes = seen.get(entity.text.casefold())
        if not namesakes:
            continue
        countries = {a.country for a in namesakes}
        codes = {(a.code, a.sector, a.name) for a in namesakes}
        if len(codes) == 1:
            entity.code, entity.sector, entity.name = next(iter(codes))
            entity.country = namesakes[0].country
        elif len(countries) == 1 and None not in countries:
            entity.country = countries.pop()
            # The CAMEO country code the namesakes' codes start with (KAZGOV, KAZCVL -> KAZ).
            prefixes = {a.code[:3] for a in namesakes if a.code}
            entity.code = prefixes.pop() if len(prefixes) == 1 else entity.country
            names = {a.name for a in namesakes}
            entity.name = names.pop() if len(names) == 1 else None


def _token_groups(docs: list[tuple[int, Doc]], budget: int) -> Iterator[list[tuple[int, Doc]]]:
    """Consecutive groups of tokenized texts, each of at most ``budget`` tokens in all."""
    group: list[tuple[int, Doc]] = []
    size = 0
    for item in docs:
        if group and size + len(item[1]) > budget:
            yield group
            group, size = [], 0
        group.append(item)
        size += len(item[1])
    if group:
        yield group


@dataclass
class PairResult:
    """Pair mode's answer for one (sentence, source, target)."""

    cameo: Cameo | None
    plover: Plover | None
    confidence: float
    rule: str | None
    trigger: str | None
    method: str | None  # frame | path | None when no event was found
    # what the given spans refer to, read in the sentence: one actor, or every member of a
    # coordination ("U.S. and Russian negotiators")
    source: list[Actor] = field(default_factory=list)
    target: list[Actor] = field(default_factory=list)


def classify_pair(
    pipeline: Pipeline,
    text: str,
    source: tuple[int, int],
    target: tuple[int, int] | None,
    *,
    when: dt.date | None = None,
) -> PairResult:
    """Pair mode: the event ``source`` (character span of ``text``) directs at ``target``,
    and the actors the two spans refer to in the sentence (dated lists apply at ``when``)."""
    doc = pipeline.nlp(text)
    sentences = sentence_contexts(doc)
    spans = [s for s in (source, target) if s is not None]
    sent = _covering_sentence(sentences, spans)
    resolved = pipeline.resolver.resolve(doc, when=when)
    actors = [pipeline.resolver.actors_at(doc, resolved, span, when=when) for span in spans]
    mentions = [_given_mention(doc, span, found) for span, found in zip(spans, actors, strict=True)]
    coding = code_pair(
        pipeline.coder, sent, mentions[0], mentions[1] if target else None, published=when
    )
    result = PairResult(None, None, 0.0, None, None, None, actors[0], actors[1] if target else [])
    if coding is None:
        return result
    # a dictionary's "174K" too
    result.cameo, result.plover = pipeline.codebook.describe(coding.code)
    result.confidence, result.rule = coding.confidence, coding.rule
    result.trigger, result.method = coding.trigger.text, coding.method
    return result


def _covering_sentence(
    sentences: list[SentenceContext], spans: list[tuple[int, int]]
) -> SentenceContext:
    """The sentence holding the given spans (spaCy may split a long sentence in two: then the
    span of both sentences is used)."""
    first = min(s for s, _ in spans)
    last = max(e for _, e in spans)
    inside = [s for s in sentences if s.span.end_char > first and s.span.start_char < last]
    if len(inside) == 1:
        return inside[0]
    doc = sentences[0].span.doc
    start = inside[0].span.start if inside else 0
    end = inside[-1].span.end if inside else len(doc)
    return SentenceContext(inside[0].index if inside else 0, doc[start:end], 0)


def _given_mention(doc: Doc, span: tuple[int, int], actors: list[Actor]) -> Mention:
    start, end = span
    text = doc.text[start:end]
    actor = replace(actors[0], text=text, start=start, end=end)
    chars = doc.char_span(start, end, alignment_mode="expand")
    head = chars.root.i if chars is not None and len(chars) else 0
    return Mention(start=start, end=end, actor=actor, head=head, members=[])


@lru_cache(maxsize=1)
def shared_pipeline() -> Pipeline:
    """One default pipeline per process, for the convenience functions of ``dateline``."""
    return Pipeline()


def load_pipeline(config: PipelineConfig | None = None) -> Pipeline:
    return Pipeline(config)


def code_inputs(
    paths: Sequence[str],
    *,
    published: str | None = None,
    max_bytes: int | None = None,
    config: PipelineConfig | None = None,
    pipeline: Pipeline | None = None,
) -> Iterator[Document | InputError]:
    """Read every input (files, folders, globs, '-') and code each article, in input order.

    Inputs that cannot be read come out as ``InputError`` in their place; the rest go on.
    """
    from dateline.ingest import DEFAULT_MAX_BYTES, read_inputs

    items = read_inputs(paths, published=published, max_bytes=max_bytes or DEFAULT_MAX_BYTES)
    pipe = pipeline or load_pipeline(config)
    size = pipe.config.batch_size
    batch: list[Article | InputError] = []

    def flush() -> Iterator[Document | InputError]:
        coded = iter(pipe.code_many([a for a in batch if isinstance(a, Article)]))
        for item in batch:
            yield item if isinstance(item, InputError) else next(coded)

    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield from flush()
            batch = []
    if batch:
        yield from flush()


def classify_records(
    lines: Iterable[str], pipeline: Pipeline | None = None, *, published: dt.date | None = None
) -> Iterator[dict[str, object]]:
    """Pair mode over JSONL lines; a bad line yields ``{"error": "line N: reason"}``.

    A record's own ``published`` (ISO date) wins over ``published`` (the ``--published``
    option); either makes dated actor lists apply (who was president on that day).
    """
    pipe = pipeline or load_pipeline()
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            text = record["text"]
            source = (int(record["source"]["start"]), int(record["source"]["end"]))
            tgt = record.get("target")
            target = (int(tgt["start"]), int(tgt["end"])) if tgt else None
            for start, end in filter(None, (source, target)):
                if not 0 <= start < end <= len(text):
                    raise ValueError(f"span {start}-{end} is outside the text")
            when = _record_date(record.get("published")) or published
        except (ValueError, KeyError, TypeError) as exc:
            yield {"error": f"line {number}: not a pair record ({exc})"}
            continue
        result = classify_pair(pipe, text, source, target, when=when)
        yield {
            "id": record.get("id"),
            "cameo": asdict(result.cameo) if result.cameo else None,
            "plover": asdict(result.plover) if result.plover else None,
            "confidence": result.confidence,
            "rule": result.rule,
            "trigger": result.trigger,
            "source": _actor_answer(result.source),
            "target": _actor_answer(result.target) if target else None,
        }


def _record_date(value: object) -> dt.date | None:
    """A record's ``published``: an ISO date, or the date part of an ISO timestamp."""
    if value in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        raise ValueError(f"published {value!r} is not an ISO date (YYYY-MM-DD)") from None


def _actor_answer(actors: list[Actor]) -> object:
    """One actor as an object; the members of a coordination as a list of them."""
    answers = [asdict(a) for a in actors]
    return answers[0] if len(answers) == 1 else answers
