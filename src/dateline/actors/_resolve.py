"""Mention -> actor resolution over a parsed spaCy ``Doc``.

Per sentence, in this order (each step claims its tokens, so mentions never overlap):

1. people: NER PERSON names, knowledge-base leader names and title + proper-noun runs;
   the title phrase to the left ("Kazakhstan's Foreign Minister", "the new Ambassador of
   China to Kazakhstan") or an appositive to the right gives role, country and sector;
   otherwise the dated leaders list, an earlier mention of the same name, or the home
   country (for a national title) does;
2. plural references ("the two countries", "both sides") -> the salient actors so far;
3. noun phrases: a role or sector head ("police", "Chinese businesses", "the minister")
   composed with its country, organisation and modifiers; names of countries, capitals
   (metonymy: "Beijing said"), organisations and groups; conjoined actors
   ("Kazakhstan and China") become one mention with ``members``;
4. any remaining knowledge-base names;

then, once every sentence is resolved, people the knowledge base does not know take the
code of the description the story gives them anywhere (``_described``), and subject
pronouns with no antecedent in their own sentence ("He urged ...", a quoted "we") take the
actor they point back at (``_pronouns``).

A discourse state carries people, titles and country salience from sentence to sentence:
that is the in-article coreference.

Layout: ``_DocResolver`` is assembled from rule mixins, one module each, all sharing the
per-document view of ``_doc._DocView`` (imports flow down this list, never up):

- ``_phrases``: noun-phrase units and their dispatch, built on ``_roles`` (role and sector
  heads) and ``_named`` (country, place and organisation names);
- ``_roles`` -> ``_coref`` (references to earlier actors) -> ``_people`` (names) ->
  ``_titles`` (title phrases) and ``_context`` (setting, home country, attachment);
- ``_coord``: conjoined mentions merged into groups; ``_pronouns``: pronouns across
  sentences;
- ``_doc`` (the document view), ``_discourse`` (the discourse state), ``_records``
  (``Mention``, ``_Code``) and ``_words`` (shared word lists) underneath.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import replace
from typing import Any

from dateline.actors._acronyms import _Acronyms
from dateline.actors._coord import _Coordination
from dateline.actors._described import _DescribedPeople
from dateline.actors._descriptor import _Descriptors
from dateline.actors._kb import SECTORS, KnowledgeBase
from dateline.actors._phrases import _Phrases
from dateline.actors._pronouns import _Pronouns
from dateline.actors._records import Mention
from dateline.actors._words import COUNTRYISH, ORGISH
from dateline.docmemo import sentences as doc_sentences
from dateline.model import Actor


class ActorResolver:
    """Finds and codes the actors of a parsed article. Stateless between calls."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self._tokenizer: Any = None

    def resolve(
        self,
        doc: Any,
        *,
        when: dt.date | None = None,
        home_country: str | None = None,
    ) -> list[Mention]:
        """All actor mentions of ``doc``, sorted by position and non-overlapping."""
        home = self.kb.country(home_country)
        return _DocResolver(self.kb, doc, when, home.country if home else None).run()

    def actors_at(
        self,
        doc: Any,
        mentions: list[Mention],
        span: tuple[int, int],
        *,
        when: dt.date | None = None,
    ) -> list[Actor]:
        """The actors a given character span of ``doc`` refers to, read in its sentence.

        A span over a coordination ("U.S. and Russian negotiators", "the French president
        and the German chancellor") gives every member the span overlaps; otherwise the
        mention overlapping the span most decides. A span no mention covers is coded as a
        standalone phrase, else left uncoded. The span's own text and offsets replace those
        of a single mention.
        """
        start, end = span
        text = doc.text[start:end]
        inside = [m for m in mentions if 2 * _overlap(m, span) >= m.end - m.start > 0]
        if len(inside) > 1 and _coordinated(doc, inside):
            group = inside
        else:
            group = [m for m in [mention_at(mentions, span)] if m]
        actors = [actor for mention in group for actor in _parts(mention, span)]
        if len(actors) > 1:
            return [replace(a) for a in actors]
        if actors:
            actor = actors[0]
        else:
            actor = self.code_phrase(text, when=when) or Actor(text=text, start=start, end=end)
        return [replace(actor, text=text, start=start, end=end)]

    def code_phrase(self, text: str, *, when: dt.date | None = None) -> Actor | None:
        """Code a standalone phrase ("the Kazakh Foreign Ministry") without a parse."""
        if not text or not text.strip():
            return None
        if self._tokenizer is None:
            import spacy  # deferred: a blank tokenizer is only needed for bare phrases

            self._tokenizer = spacy.blank("en")
        doc = self._tokenizer(text.strip())
        resolver = _DocResolver(self.kb, doc, when, None, phrase_mode=True)
        mentions = resolver.run()
        if not mentions:
            return None
        best = max(mentions, key=lambda m: (m.actor.code is not None, m.end - m.start))
        actor = best.actor
        if best.members and actor.code is None:
            first = best.members[0]
            actor = replace(first, text=actor.text, start=actor.start, end=actor.end)
        return actor


def _overlap(item: Mention | Actor, span: tuple[int, int]) -> int:
    return max(0, min(item.end, span[1]) - max(item.start, span[0]))


def _parts(mention: Mention, span: tuple[int, int]) -> list[Actor]:
    """The members of a coordination that ``span`` overlaps, else the mention's actor."""
    members = [m for m in mention.members if m.end > m.start and _overlap(m, span)]
    return members or [mention.actor]


def _coordinated(doc: Any, mentions: list[Mention]) -> bool:
    """Whether only conjunctions and commas stand between consecutive mentions."""
    for left, right in zip(mentions, mentions[1:], strict=False):
        gap = doc.char_span(left.end, right.start, alignment_mode="expand")
        if gap is None or not len(gap):
            return False
        if not all(t.dep_ in ("cc", "punct") or t.is_space for t in gap):
            return False
    return True


def mention_at(mentions: list[Mention], span: tuple[int, int]) -> Mention | None:
    """The mention that overlaps ``span`` most, relative to the extent of both."""
    best: tuple[float, Mention] | None = None
    for mention in mentions:
        shared = _overlap(mention, span)
        if not shared:
            continue
        union = max(mention.end, span[1]) - min(mention.start, span[0])
        if best is None or shared / union > best[0]:
            best = (shared / union, mention)
    return best[1] if best else None


class _DocResolver(_Phrases, _Coordination, _Pronouns, _Acronyms, _Descriptors, _DescribedPeople):
    """Resolution of one document: the sentence loop over the rule mixins."""

    def run(self) -> list[Mention]:
        if not self.n:
            return []
        if self.phrase_mode or not self.has_sents:
            sentences = [(0, self.n)]
        else:
            sentences = [(s.start, s.end) for s in doc_sentences(self.doc)]
        for s, e in sentences:
            self._sentence(s, e)
        if not self.phrase_mode:
            self._describe_people()
            self._resolve_pronouns(sentences)
        self.mentions.sort(key=lambda m: (m.start, m.end))
        return self.mentions

    def _sentence(self, s: int, e: int) -> None:
        before = len(self.mentions)
        self.state.sentence_starts.append(s)
        self.state.parties_before = Counter(self.state.parties)
        # a pair stays "recent" for this sentence and the one before
        self.state.sentence_floor = (
            self.state.sentence_starts[-2] if len(self.state.sentence_starts) > 1 else 0
        )
        self._short_form_mentions(s, e)
        for ns, ne in self._person_candidates(s, e):
            self._person(ns, ne, s, e)
        self._region_descriptors(s, e)
        for m in self._matches_from(s, e):
            if s <= m.start < e and m.has("ref") and not self._any_taken(m.start, m.end):
                self._plural_ref(m, s)
        self._civil_bodies(s, e)
        for us, ue, head in self._units(s, e):
            self._unit(us, ue, head, s, e)
        self._coordinate(before)
        for m in self._matches_from(s, e):
            if (
                s <= m.start < e
                and m.has(*COUNTRYISH, *ORGISH)
                and not self._any_taken(m.start, m.end)
                and not self._counterpart(m)
            ):
                self._unit(self._description_start(m, s), m.end, m.end - 1, s, e)
        self._learn_short_forms(before)
        new = sorted(self.mentions[before:], key=lambda m: m.start)
        for mention in new:
            if mention.members and mention.actor.rule == "coordination":
                countries = list(
                    dict.fromkeys(
                        x.country or x.code for x in mention.members if x.country or x.code
                    )
                )
                self.state.coordinations.append((mention.head, [c for c in countries if c]))


__all__ = ["SECTORS", "ActorResolver", "Mention"]
