"""Context: where a sentence is set and whose a phrase is when it names no country itself.

The place a sentence is set in ("in Darfur"), a country or organisation attached by a
preposition ("rebels in Darfur", "the President of Kazakhstan"), a possessor ("X's
coalition"), the article's home country (or the country it last named, under a dateline
abroad), and whether a capital is a place ("in Beijing"), an actor ("Beijing said") or the
dateline ("ASTANA (TCA) -").
"""

from __future__ import annotations

from typing import Any

from dateline.actors._doc import _DocView
from dateline.actors._match import Match
from dateline.actors._records import _Code
from dateline.actors._text import norm
from dateline.actors._words import ATTACH_PREPS, ORGISH, SUBUNIT_NOUNS, word_class
from dateline.docmemo import children, rights
from dateline.model import Actor

# Prepositions after which a city or capital is a place, not a metonymic actor
# ("in Beijing" vs "Beijing said"; CAMEO codes capitals as GOV only as arguments).
# A country the article is about, for a named person's national title with no country in
# reach ("Finance Minister X" in a story about Pakistan): named as an actor this often so far,
# and this many times as often as the next country (or the only one named so far).
DOMINANT_MIN = 2
# Words saying a sentence speaks of more than one country.
WIDER_THAN_A_COUNTRY = word_class("wider_than_country")
DOMINANT_RATIO = 2
LOCATIVE_PREPS = word_class("locative_preposition")
LOCATION_PREPS = word_class("location_preposition")
# Words whose "to"/"in" phrase is where someone travels ("a trip to Beijing", "arrived in
# Amman"): that place stands for the country visited, not for its civilians.
TRAVEL_WORDS = word_class("travel_word")
# Words whose "with" partner met the subject somewhere: "negotiated a pact *with* the
# insurgents in Doha" names where they met, not where the insurgents are from.
PARTNERING_WORDS = word_class("partnering_word")
DESTINATION_PREPS = word_class("destination_preposition")
# Adjectives and participles tying a group to the organisation or person it serves
# ("militants loyal to X", "workers affiliated with the union", "officers attached to X").
MEMBERSHIP_WORDS = word_class("membership_word")
# Verbs of the source a sentence is attributed to: where that source is ("..., relief
# officials *in Nairobi* said") is not where the news it reports happened.
ATTRIBUTION_VERBS = word_class("attribution_verb")


class _Context(_DocView):
    """Rules that find the setting, home country and attached owner of a phrase."""

    def _sentence_location(self, s: int, e: int) -> tuple[str | None, str] | None:
        for m in self._matches_from(s, e):
            if not s <= m.start < e:
                continue
            entry = m.first("place", "country")
            if entry is None or entry.country is None:
                continue
            if self._governing_prep(m.end - 1) in LOCATION_PREPS and not self._in_attribution(
                m.end - 1
            ):
                iso = entry.country
                if entry.type == "place":
                    iso = self.kb.country_at(iso, self.when) or iso
                return self._country_code(iso), iso
        return None

    def _in_attribution(self, i: int) -> bool:
        """Token ``i`` places the source of a trailing attribution: "X shelled Y, killing 20,
        relief officials *in Nairobi* said". A leading one ("security forces in Somalia say
        they ...") is set where its news is, and stays."""
        if not self.parsed:
            return False
        tok = self.tokens[i]
        for _ in range(4):
            if tok.dep_ in ("nsubj", "nsubjpass"):
                verb = tok.head
                return verb.lemma_.lower() in ATTRIBUTION_VERBS and any(
                    c.dep_ == "ccomp" and c.i < tok.i for c in children(verb)
                )
            if tok.head.i == tok.i or tok.head.pos_ in ("VERB", "AUX"):
                return False
            tok = tok.head
        return False

    def _fallback_country(
        self,
        c: _Code,
        s: int,
        e: int,
        *,
        home: bool = True,
        focus: bool = False,
        venue: bool = False,
    ) -> None:
        """No country in the phrase: a place the sentence is set in, else the home country,
        else (with ``focus``, for a national title held by a named person) the country the
        article is about, when one clearly dominates it so far. With ``venue`` the place the
        sentence is set in is where the phrase's actor met someone, not its country."""
        located = None if venue else self._sentence_location(s, e)
        if located is not None:
            c.base, c.country = located
            c.rule.append("location")
        elif (
            focus
            and not self.home
            and not self._beyond_one_country(s, e)
            and (dominant := self._dominant_country()) is not None
        ):
            c.base, c.country = self._country_code(dominant), dominant
            c.rule.append("focus")
        elif home and self.home:
            country, rule = self.home, "home"
            if not self.state.countries.get(self.home):
                # A dateline abroad ("BRUSSELS -" on a story about Belarus): until the story
                # mentions the dateline's country, the country it last named is home.
                mentioned = self.state.latest_country()
                if mentioned is not None:
                    country, rule = mentioned, "focus"
            c.base, c.country = self._country_code(country), country
            c.rule.append(rule)

    def _story_country(self, c: _Code, s: int, e: int) -> None:
        """The only country the story has named as an actor so far, when the sentence
        speaks of no region or the world; unlike ``_fallback_country`` not the place the
        sentence is set in, where a visitor is no national. A story about two countries
        ("the U.S. sanctioned X") gives no clue which one a newcomer belongs to."""
        if self.phrase_mode or self._beyond_one_country(s, e):
            return
        dominant = self._dominant_country(sole=True)
        if dominant is not None and not self._names_another_country(s, e, dominant):
            c.base, c.country = self._country_code(dominant), dominant
            c.rule.append("focus:story")

    def _names_another_country(self, s: int, e: int, iso: str) -> bool:
        """Does the sentence name a country or place other than ``iso`` ("John Smith, who
        teaches in Ohio")? Then a newcomer in it may be from there."""
        for m in self._matches_from(s, e):
            entry = m.first("place", "country")
            if entry is None or entry.country is None or not s <= m.start < e:
                continue
            other = entry.country
            if entry.type == "place":
                other = self.kb.country_at(other, self.when) or other
            if other != iso:
                return True
        return False

    def _beyond_one_country(self, s: int, e: int) -> bool:
        """Does the sentence speak of a region or the world ("Across the continent,
        opposition parties ...", "in Europe")? Then its groups are no one country's."""
        if any(self.words[k] in WIDER_THAN_A_COUNTRY for k in range(s, e)):
            return True
        return any(m.has("region") for m in self._matches_from(s, e))

    def _dominant_country(self, *, sole: bool = False) -> str | None:
        """The only country named as an actor so far, or one named at least
        ``DOMINANT_MIN`` times and ``DOMINANT_RATIO`` times as often as any other (with
        ``sole``, only the former)."""
        # states only: an organisation named alongside ("Pakistan and the IMF") is no
        # rival for what the story is about; counted before the current sentence, whose
        # own countries are no evidence of what the story is about
        before = self.state.parties_before
        ranked = sorted(
            (
                c
                for c in before
                if len(c) == 3 and not c.startswith(("IGO", "NGO")) and c not in self.state.regions
            ),
            key=lambda c: -before[c],
        )[:2]
        if not ranked:
            return None
        first = before[ranked[0]]
        second = before[ranked[1]] if len(ranked) > 1 else 0
        if second == 0 or (not sole and first >= DOMINANT_MIN and first >= DOMINANT_RATIO * second):
            return ranked[0]
        return None

    def _attached_country(
        self, head: int, e: int, *, diplomat: bool = False
    ) -> tuple[str | None, str | None, str | None, int] | None:
        """A country or organisation in a post-modifier: "rebels in Darfur", "President of X".

        Returns base code, ISO3, the sector of the attached phrase's own head (for weak
        heads: "representatives of the business community" -> BUS) and the end token.
        """
        preps = ATTACH_PREPS - {"in", "at", "within", "inside"} if diplomat else ATTACH_PREPS
        spans: list[tuple[int, int]] = []
        # spans after a membership word: a person's title there ("fighters loyal to the
        # president") gives no sector to the group
        loyal: set[tuple[int, int]] = set()
        if self.parsed:
            for child in rights(self.tokens[head]):
                if child.dep_ == "prep" and norm(child.text) in preps:
                    spans.extend(self._object_spans(child))
                elif child.dep_ in ("amod", "acl") and norm(child.text) in MEMBERSHIP_WORDS:
                    # "militants loyal to X", "workers affiliated with the union"
                    for prep in children(child):
                        if prep.dep_ == "prep" and norm(prep.text) in ("to", "with"):
                            found = self._object_spans(prep)
                            spans.extend(found)
                            loyal.update(found)
        if not spans and head + 1 < e and self.words[head + 1] in preps:
            # no (or a different) attachment in the parse: take the adjacent phrase
            k = head + 2
            while k < e and (self.words[k] in ("the", "a", "an", "'s") or self.match_at[k]):
                k = self.match_at[k].end if self.match_at[k] else k + 1  # type: ignore[union-attr]
            spans.append((head + 2, k))
        for a, b in spans:
            for k in range(a, b):
                m = self.match_at[k]
                if m is not None and m.start >= a and m.end > b:
                    b = m.end  # a name the parse splits: "of Doctors Without Borders"
            if b > e or a >= b:
                continue
            if self._any_taken(a, b):
                # "supporters of President X": the person or organisation already coded
                owner = self._mention_owner(a, b)
                if owner is not None:
                    return owner[0], owner[1], owner[2], head + 1
                continue
            sector = None
            kinds = ("group", "agent") if (a, b) in loyal else ("person", "group", "agent")
            for m in self._matches_in(a, b):
                role = m.first("role")
                if role is not None and role.kind in kinds and role.sector:
                    sector = role.sector
            for m in self._unit_owner_first(self._matches_in(a, b), a, b):
                if self._country_source(m) and not self._pro_anti(m.start):
                    base, iso, implied, _ = self._source_country(m)
                    if base is not None:
                        return base, iso, sector or implied, b
            if sector is not None:
                return None, None, sector, b
        return None

    def _unit_owner_first(self, matches: list[Match], a: int, b: int) -> list[Match]:
        """ "the Latin America bureau of Reporters Without Borders", "the Kenya office of
        UNICEF": the organisation a named part belongs to comes before the region or
        country that names the part."""
        for k in range(a, b - 1):
            if self.words[k] in SUBUNIT_NOUNS and self.words[k + 1] == "of":
                owners = [m for m in matches if m.start > k and m.has(*ORGISH)]
                if owners:
                    return owners + [m for m in matches if m not in owners]
        return matches

    @staticmethod
    def _object_spans(prep: Any) -> list[tuple[int, int]]:
        """Token spans of a preposition's object noun phrases, without their relative
        clauses but with one nested "of"/"in" ("the United Bus Company of Tehran")."""
        spans = []
        for obj in children(prep):
            if obj.dep_ == "pobj":
                end_i = obj.i + 1
                for grand in rights(obj):
                    if grand.dep_ == "prep" and norm(grand.text) in ("of", "in"):
                        for inner in children(grand):
                            if inner.dep_ == "pobj":
                                end_i = inner.i + 1
                spans.append((obj.left_edge.i, end_i))
        return spans

    def _mention_owner(self, a: int, b: int) -> tuple[str | None, str | None, str | None] | None:
        """Base, ISO3 and sector of the first coded mention inside tokens [a, b); a
        person's sector is his own, not that of the people around him."""
        for k in range(a, b):
            mention = self.mention_at.get(k)
            if mention is None or mention.members:
                continue
            actor = mention.actor
            base = self._base_of(actor)
            if base is None:
                continue
            sector = None if actor.kind == "person" else actor.sector
            return base, actor.country, sector
        return None

    def _possessor(self, a: int) -> Actor | None:
        """ "Zoran Djindjic's opposition coalition": the actor owning the phrase at ``a``;
        also a person named as a modifier of the phrase ("Assad loyalists", "Trump
        supporters"): a group named through a person is not that person but belongs to him."""
        if a >= 2 and self.words[a - 1] in ("'s", "'") and (a - 2) in self.mention_at:
            return self.mention_at[a - 2].actor
        if a >= 1 and self.parsed and (a - 1) in self.mention_at:
            mention = self.mention_at[a - 1]
            tok = self.tokens[a - 1]
            if (
                mention.actor.kind == "person"
                and not mention.members
                # the tagger may read a surname before a plural as an adjective
                and tok.dep_ in ("compound", "amod", "nmod")
                and tok.head.i >= a
            ):
                return mention.actor
        return None

    def _dateline(self, a: int, b: int) -> bool:
        """ "ASTANA (TCA) —": an upper-case place opening a line is the dateline."""
        if not all(t.isupper() for t in self.surfaces[a:b] if any(ch.isalpha() for ch in t)):
            return False
        starts_line = (
            a == 0 or "\n" in self.surfaces[a - 1] or "\n" in self.tokens[a - 1].whitespace_
        )
        follows = self.words[b] if b < self.n else ""
        return starts_line and follows in ("(", ",", "-", "—", "–", ":")

    def _destination(self, i: int) -> bool:
        """Is the place at ``i`` where someone travels ("his trip to Beijing", "flew to
        Moscow", "arrived in Amman on a visit")?"""
        if not self.parsed:
            return False
        tok = self.tokens[i]
        while tok.dep_ in ("compound", "amod") and tok.head.i != tok.i:
            tok = tok.head
        if tok.dep_ != "pobj" or norm(tok.head.text) not in DESTINATION_PREPS:
            return False
        governor = tok.head.head
        return str(governor.lemma_).lower() in TRAVEL_WORDS

    def _met_partner(self, i: int) -> bool:
        """Is the phrase headed at ``i`` whom someone met or dealt with ("talks *with* the
        rebels in Doha", "negotiated a pact *with* the insurgents in Qatar's capital")? Then
        an "in" phrase after it is the venue, not the partner's country."""
        if not self.parsed:
            return False
        tok = self.tokens[i]
        if tok.dep_ != "pobj" or norm(tok.head.text) != "with":
            return False
        governor = tok.head.head
        return any(str(g.lemma_).lower() in PARTNERING_WORDS for g in (governor, governor.head))

    def _metonymic(self, i: int) -> bool:
        """Is a capital here an actor ("Beijing said") rather than a place ("in Beijing")?"""
        if self.phrase_mode:
            return not (i > 0 and self.words[0] in LOCATIVE_PREPS)
        prep = self._governing_prep(i)
        return prep is None or prep not in LOCATIVE_PREPS
