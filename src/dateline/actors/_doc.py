"""One parsed document indexed for resolution, and the helpers every rule uses.

``_DocView`` holds the tokens, knowledge-base matches, entities and noun chunks of a spaCy
``Doc`` (indexed once per document), which tokens mentions have claimed, the mentions found
so far and the discourse state. Its helpers turn token spans into text and offsets, record a
mention, and read codes off knowledge-base entries (which country a match names, a dated
dictionary code's base). The rule mixins in the sibling modules all build on it.
"""

from __future__ import annotations

import bisect
import datetime as dt
from functools import cached_property
from typing import Any

from spacy.attrs import TAG

from dateline.actors._discourse import _Discourse
from dateline.actors._kb import DatedCode, Entry, KnowledgeBase, Term
from dateline.actors._match import Match, find_matches
from dateline.actors._records import Mention, _Code, _make_actor
from dateline.actors._text import norm
from dateline.actors._words import (
    CALENDAR,
    COUNTERPART_NOUNS,
    COUNTRYISH,
    HOLDER_PARTICIPLES,
    ORGISH,
    word_class,
)
from dateline.docmemo import doc_text, doc_tokens, entities, noun_chunks, sentence_of
from dateline.model import Actor

PRO_ANTI = word_class("stance_prefix")
# Words whose "to" names who a source spoke to ("according to", "said to", "spoke to").
REPORTING_TO = word_class("reporting_to_word")
# "in an interview *with* X": X is a source, as the object of "told" is.
INTERVIEW_NOUNS = word_class("interview_noun")
NAME_TAGS = frozenset({"NNP", "NNPS"})
# Code prefix of armed groups that act across borders, with branches named after countries.
TRANSNATIONAL = "IMG"


class _DocView:
    """A parsed document, its knowledge-base matches and the mentions claimed so far."""

    def __init__(
        self,
        kb: KnowledgeBase,
        doc: Any,
        when: dt.date | None,
        home: str | None,
        *,
        phrase_mode: bool = False,
    ) -> None:
        self.kb = kb
        self.doc = doc
        self.when = when
        self.home = home
        self.phrase_mode = phrase_mode
        self.tokens = list(doc_tokens(doc))
        self.n = len(self.tokens)
        self.text: str = doc_text(doc)
        self.surfaces = [t.text for t in self.tokens]
        self.words = [norm(text) for text in self.surfaces]
        self.parsed = bool(self.n) and doc.has_annotation("DEP")
        self.tagged = bool(self.n) and doc.has_annotation("TAG")
        self.matches = self._branch_names(
            self._partisan_readings(find_matches(kb, self.words, self.surfaces))
        )
        # matches and entities are in document order: a sentence's are found by bisection
        self.match_starts = [m.start for m in self.matches]
        self.match_at: list[Match | None] = [None] * self.n
        for m in self.matches:
            for i in range(m.start, m.end):
                self.match_at[i] = m
        self.ent_at: list[Any] = [None] * self.n
        # annotation checks and noun chunks walk the whole document: do them once
        self.has_ents = bool(self.n) and doc.has_annotation("ENT_IOB")
        self.has_sents = bool(self.n) and doc.has_annotation("SENT_START")
        self.ents = list(entities(doc)) if self.has_ents else []
        self.ent_starts = [ent.start for ent in self.ents]
        self.chunks = list(noun_chunks(doc)) if self.parsed and not phrase_mode else []
        self.chunk_starts = [c.start for c in self.chunks]
        if self.has_ents:
            for ent in self.ents:
                for i in range(ent.start, ent.end):
                    self.ent_at[i] = ent
        self.taken = [False] * self.n
        self.mention_at: dict[int, Mention] = {}
        # head tokens of unnamed office holders a later name was taken to be
        self.bridged: set[int] = set()
        self.state = _Discourse()
        self.mentions: list[Mention] = []
        # where the news outlets sources talk to are mentioned ("told VOA")
        self.outlets: set[int] = set()
        # token ranges of noun chunks the parser built across a coordination ("Fornost and
        # the evil Gondor" as one chunk headed by "Gondor"), split into their conjuncts
        self.split_lists: list[tuple[int, int]] = []

    def _partisan_readings(self, matches: list[Match]) -> list[Match]:
        """Keep a one-word partisan name ("Republican", "Democrats": institutions of kind
        ``partisan``) only where it stands on its own or before a lower-case word or a
        person's title ("Republican lawmakers", "Democratic Senator"); inside a longer
        name it is another party ("Christian Democrats", "the Democratic Alliance", "the
        Democratic Party" of Albania)."""
        out: list[Match] = []
        match_at = {m.start: m for m in matches}
        for m in matches:
            partisan = [x for x in m.entries if x.type == "institution" and x.kind == "partisan"]
            if partisan and m.end - m.start == 1 and self._inside_name(m, match_at):
                rest = [x for x in m.entries if x not in partisan]
                if not rest:
                    continue
                m = Match(m.start, m.end, rest)
            out.append(m)
        return out

    def _branch_names(self, matches: list[Match]) -> list[Match]:
        """ "IS-Somalia", "ISIS-Mozambique": a transnational armed group joined by a hyphen
        to a country names the group's branch there, not the country."""
        out: list[Match] = []
        for m in matches:
            prev = out[-1] if out else None
            branch = self._branch(prev, m) if prev is not None else None
            if prev is not None and branch is not None:
                out[-1] = Match(prev.start, m.end, [branch])
                continue
            out.append(m)
        return out

    def _branch(self, group_m: Match, place_m: Match) -> Entry | None:
        """The group branch "IS-Somalia" spells, coded as the group's sector in that
        country (as the knowledge base codes a regional branch: ISWAP is NGAREB)."""
        k = group_m.end
        if k + 1 != place_m.start or self.surfaces[k] != "-":
            return None
        if self.tokens[k - 1].whitespace_ or self.tokens[k].whitespace_:
            return None
        group = next(
            (
                x
                for x in group_m.entries
                if x.type == "group" and (x.code or "").startswith(TRANSNATIONAL)
            ),
            None,
        )
        place = place_m.first("country")
        if group is None or place is None or place.country is None:
            return None
        dc = group.dated_code(self.when)
        sector = dc.sector if dc is not None else group.sector
        code = (place.code or place.country) + (sector or "")
        entry = Entry(
            f"{group.id}@{place.country}", "group", f"{group.name} ({place.name})",
            country=place.country, code=code,
        )  # fmt: skip
        entry.codes = (DatedCode(code, place.country, sector),)
        return entry

    def _inside_name(self, m: Match, match_at: dict[int, Match]) -> bool:
        i, j = m.start, m.end
        if i > 0 and not self.tokens[i].is_sent_start:
            before = self.surfaces[i - 1]
            if before[:1].isupper() or before in ("-", "–"):
                return True
        if j < self.n and self.surfaces[j][:1].isupper():
            nxt = match_at.get(j)
            title = nxt.first("role") if nxt is not None else None
            return title is None or title.kind != "person"
        return False

    def _matches_from(self, s: int, e: int) -> list[Match]:
        """The matches starting in tokens [s, e), in order."""
        starts = self.match_starts
        return self.matches[bisect.bisect_left(starts, s) : bisect.bisect_left(starts, e)]

    def _any_taken(self, s: int, e: int) -> bool:
        return any(self.taken[s:e])

    def _take(self, s: int, e: int) -> None:
        for i in range(s, e):
            self.taken[i] = True

    def _chars(self, s: int, e: int) -> tuple[int, int]:
        first, last = self.tokens[s], self.tokens[e - 1]
        return first.idx, last.idx + len(last.text)

    def _text(self, s: int, e: int) -> str:
        a, b = self._chars(s, e)
        return str(self.text[a:b])

    def _is_name_token(self, i: int) -> bool:
        return self._name_tokens[i]

    @cached_property
    def _name_tokens(self) -> list[bool]:
        """Which tokens may be part of a name: capitalised words, not calendar words, tagged
        as proper nouns when the document is tagged."""
        if self.tagged:
            strings = self.doc.vocab.strings
            name_tags = {strings.add(tag) for tag in NAME_TAGS}
            proper = [tag in name_tags for tag in self.doc.to_array(TAG).tolist()]
        else:
            proper = [True] * self.n
        return [
            proper[i]
            and text[:1].isupper()
            and any(c.isalpha() for c in text)
            and self.words[i] not in CALENDAR
            for i, text in enumerate(self.surfaces)
        ]

    def _country_code(self, iso: str | None) -> str | None:
        entry = self.kb.country(iso)
        return entry.code if entry else iso

    def _iso(self, code: str | None) -> str | None:
        entry = self.kb.country(code)
        return entry.country if entry else None

    def _term_base(self, term: Term) -> str:
        return (self._country_code(term.code) or term.code) if len(term.code) == 3 else term.code

    def _add(self, s: int, e: int, head: int, c: _Code, members: list[Actor] | None = None) -> None:
        a, b = self._chars(s, e)
        actor = _make_actor(str(self.text[a:b]), a, b, c)
        mention = Mention(a, b, actor, head, members or [])
        self.mentions.append(mention)
        if self._reporting_outlet(actor, head):
            self.outlets.add(a)
        else:
            for one in members or [actor]:
                self.state.note(one, one.start or a)
        self._take(s, e)
        for k in range(s, e):
            self.mention_at[k] = mention

    def _reporting_outlet(self, actor: Actor, head: int) -> bool:
        """A news outlet a source talks to ("told VOA", "according to Reuters", "in an
        interview with the BBC") reports the story: its country is not what the story is
        about, so it does not become the country in focus."""
        if actor.sector != "MED" or actor.kind != "organisation" or not self.parsed:
            return False
        tok = self.tokens[head]
        if tok.dep_ in ("dobj", "dative") and tok.head.lemma_ == "tell":
            return True
        if tok.dep_ != "pobj":
            return False
        prep = tok.head
        return (prep.lower_ == "to" and prep.head.lower_ in REPORTING_TO) or (
            prep.lower_ == "with" and prep.head.lower_ in INTERVIEW_NOUNS
        )

    def _dep(self, i: int) -> str:
        return str(self.tokens[i].dep_) if self.parsed else ""

    def _governing_prep(self, i: int) -> str | None:
        """The preposition governing token ``i``'s phrase, following conjunctions up."""
        if not self.parsed:
            return norm(self.surfaces[i - 1]) if i > 0 else None
        tok = self.tokens[i]
        for _ in range(4):
            if tok.dep_ == "conj":
                tok = tok.head
                continue
            if tok.dep_ == "pobj":
                return norm(tok.head.text)
            if tok.dep_ in ("compound", "amod", "poss"):
                tok = tok.head
                continue
            return None
        return None

    def _matches_in(self, a: int, b: int) -> list[Match]:
        out: list[Match] = []
        for i in range(a, b):
            m = self.match_at[i]
            if m is not None and (not out or out[-1] is not m) and m.start >= a and m.end <= b:
                out.append(m)
        return out

    def _sentence_of(self, i: int) -> tuple[int, int]:
        if self.phrase_mode or not self.has_sents:
            return 0, self.n
        sent = sentence_of(self.tokens[i])
        return sent.start, sent.end

    def _possessive(self, m: Match) -> bool:
        return m.end < self.n and self.words[m.end] in ("'s", "'")

    def _pro_anti(self, i: int) -> bool:
        return i >= 2 and self.words[i - 1] == "-" and self.words[i - 2] in PRO_ANTI

    def _counterpart(self, m: Match) -> bool:
        """A country word that names the other side of the phrase it modifies ("Chinese
        *rivals*", "Russia's *neighbours*") or its holder ("the Serb-*controlled* republic"),
        so the phrase is no actor of that country."""
        if m.end + 1 < self.n and self.words[m.end] == "-":
            return self.words[m.end + 1] in HOLDER_PARTICIPLES
        if not self.parsed:
            return False
        tok = self.tokens[m.end - 1]
        if tok.dep_ not in ("amod", "compound", "poss", "nmod") or tok.head.i < m.end:
            return False
        return str(tok.head.lemma_).lower() in COUNTERPART_NOUNS

    def _country_source(self, m: Match) -> bool:
        adjective = m.first("adjective")
        if m.has("region") or (adjective is not None and adjective.country is None):
            nxt = self.match_at[m.end] if m.end < self.n else None
            if nxt is not None and nxt.has("country", "place"):
                return False  # "Western Cambodia", "southern Lebanon": a direction
        if m.has(*COUNTRYISH):
            return True
        return m.has(*ORGISH) and not m.has("role")

    def _named_institution(self, m: Match) -> bool:
        """A capitalised modifier that is both a role word and a known institution ("a
        *State Department* spokesperson", "*Republican* lawmakers") names the institution."""
        return m.has("institution") and m.has("role") and self.surfaces[m.start][:1].isupper()

    def _source_country(self, m: Match) -> tuple[str | None, str | None, str | None, str]:
        """Base code, ISO3, implied sector and rule id of a country-giving match."""
        for entry in m.entries:
            if entry.type == "place":
                iso = self.kb.country_at(entry.country, self.when)
                if iso is None:
                    continue
                return self._country_code(iso), iso, None, "kb:" + entry.id
            if entry.type in ("country", "adjective", "people"):
                return entry.code, entry.country, None, "kb:" + entry.id
            if entry.type == "ethnic":
                if entry.country is None:
                    continue
                return self._country_code(entry.country), entry.country, None, "kb:" + entry.id
            if entry.type == "region":
                return entry.code, None, None, "kb:" + entry.id
            if entry.type == "institution":
                return entry.code, entry.country, entry.sector, "kb:" + entry.id
            if entry.type == "org":
                return entry.code, None, entry.sector, "kb:" + entry.id
            if entry.type in ("group", "dict"):
                dc = entry.dated_code(self.when)
                if dc is None or dc.code == "---":
                    continue
                base, iso, sector = self._dated_base(dc)
                return base, iso, sector, "kb:" + entry.id
        return None, None, None, "kb"

    def _dated_base(self, dc: DatedCode) -> tuple[str | None, str | None, str | None]:
        """Base code, ISO3 and sector of one imported dictionary code."""
        if dc.code == "---":
            return None, None, None
        base = self._country_code(dc.country) if dc.country else dc.code
        if dc.country is None and dc.sector and dc.code.endswith(dc.sector):
            base = dc.code[: -len(dc.sector)] or dc.code
        return base, dc.country, dc.sector

    def _entry_sector(self, entry: Entry) -> str | None:
        if entry.type in ("group", "dict"):
            dc = entry.dated_code(self.when)
            return dc.sector if dc else entry.sector
        return entry.sector

    @staticmethod
    def _base_of(actor: Actor) -> str | None:
        code = actor.code
        if code and actor.sector and code.endswith(actor.sector):
            return code[: -len(actor.sector)] or None
        return code

    def _copy_person(self, actor: Actor, rule: str) -> _Code:
        base = actor.code
        if base and actor.sector and base.endswith(actor.sector):
            base = base[: -len(actor.sector)]
        return _Code(
            base=base,
            country=actor.country,
            sector=actor.sector,
            name=actor.name,
            role=actor.role,
            kind="person",
            rule=[rule],
        )
