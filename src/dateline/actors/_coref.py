"""Coreference: phrases that point back at actors the article already named.

Plural and singular references ("the two countries", "both sides", "the country") become the
salient or recently coordinated countries; a bare title ("the minister", "the Kazakh
President") becomes a person introduced earlier or the office holder from the leaders list;
a definite organisation ("the company") becomes the last organisation of its sector.
"""

from __future__ import annotations

from spacy.tokens import Token

from dateline.actors._discourse import _PersonRef
from dateline.actors._kb import Entry, Person
from dateline.actors._match import Match
from dateline.actors._people import _People
from dateline.actors._records import _Code, _make_actor
from dateline.actors._words import DEFINITE, word_class
from dateline.docmemo import children, head_of
from dateline.model import Actor

# Sectors of a country's state bodies and press: a generic "the group" or "the
# organization" does not point back at them.
STATE_OR_PRESS = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG", "MED"})
HEAD_OF_STATE_OFFICES = frozenset({"hos", "hog", "fm", "leader", "sg"})
# How many sentences before the current one a bare definite title ("the official") looks
# back for the unnamed office holder it repeats.
HOLDER_SENTENCES = 2
# Titles that name an office whoever holds it; "emir" or "king" must match the holder's role.
GENERIC_OFFICES = word_class("generic_office")


# Possessive determiners and the kinds of actor each can point back at (one word class of
# possessives per kind).
OWNER_KINDS = ("country", "organisation", "group", "place", "person")
POSSESSIVE_OWNERS = {
    word: frozenset(k for k in OWNER_KINDS if word in word_class(f"possessive_of_{k}"))
    for kind in OWNER_KINDS
    for word in word_class(f"possessive_of_{kind}")
}
# How far up the parse a possessive phrase looks for the clause whose subject owns it.
MAX_CLAUSE_HOPS = 6


class _Coreference(_People):
    """Rules that resolve references to actors named earlier in the article."""

    def _plural_ref(self, m: Match, s: int) -> None:
        ref = m.first("ref")
        assert ref is not None
        start = m.start
        sector_override: str | None = None
        # "the heads of the two states": the role applies to every member
        if start - 1 > s and self.words[start - 1] == "of":
            prev = self.match_at[start - 2]
            role = prev.first("role") if prev is not None else None
            if prev is not None and role is not None and role.kind in ("person", "group"):
                sector_override = role.sector
                start = prev.start
                if start > s and self.words[start - 1] in DEFINITE:
                    start -= 1
        members = self._members(ref, sector_override)
        if ref.count == 1:
            # "the country": the country the article is about so far
            if not members:
                return
            one = members[0]
            c = _Code(
                base=self._base_of(one), country=one.country, sector=one.sector, name=one.name,
                kind="country", rule=["ref:" + ref.id],
            )  # fmt: skip
            self._add(start, m.end, m.end - 1, c)
            return
        c = _Code(kind="group", rule=["ref:" + ref.id])
        if members and len({a.code for a in members}) == 1:
            c.base, c.country, c.sector = members[0].code, members[0].country, members[0].sector
        self._add(start, m.end, m.end - 1, c, members)

    def _members(self, ref: Entry, sector: str | None) -> list[Actor]:
        n = ref.count or 2
        if n == 1:
            latest = self.state.latest_country()
            countries = [latest] if latest else []
        else:
            countries = self._recent_pair(n) or self.state.top_countries(n)
        out: list[Actor] = []
        for country in countries:
            if ref.kind == "country" and sector is None:
                out.append(self._country_actor(country, None))
            elif ref.kind in ("government", "military") or sector is not None:
                sec = sector or ("MIL" if ref.kind == "military" else "GOV")
                out.append(self._country_actor(country, sec))
            else:
                actor = self.state.main_actor(country)
                if ref.kind == "person":
                    people = [p for p in reversed(self.state.persons) if p.actor.country == country]
                    actor = max(people, key=lambda p: p.count).actor if people else actor
                if actor is not None:
                    out.append(actor)
        return out

    def _recent_pair(self, n: int) -> list[str]:
        """Countries of the latest coordination of ``n`` actors ("Russia and Ukraine") in
        the last sentences: "both sides" usually points there rather than to the article's
        most frequent countries."""
        if n < 2:
            return []
        for position, countries in reversed(self.state.coordinations):
            if len(countries) == n and position >= self.state.sentence_floor:
                return countries
        return []

    def _country_actor(self, country: str, sector: str | None) -> Actor:
        entry = self.kb.country(country)
        base = entry.code if entry else country
        name = entry.name if entry else None
        c = _Code(base=base, country=entry.country if entry else None, sector=sector, name=name)
        c.kind = "country"
        c.rule.append("coref:salience")
        return _make_actor(name or country, 0, 0, c)

    def _title_coref(
        self, a: int, b: int, hm: Match, role: Entry, c: _Code, definite: bool
    ) -> bool:
        """ "the minister", "the Kazakh President" -> a person the article introduced, or the
        office holder at ``when`` from the leaders list."""
        head_word = (role.role or "").split()[-1] if role.role else ""
        holder = self._recent_holder(head_word, c, self._chars(a, b)[0]) if definite else None
        if holder is not None:
            self._add(a, b, hm.end - 1, self._copy_person(holder, "coref:holder"))
            return True
        for ref in reversed(self.state.persons):
            actor = ref.actor
            if not actor.role or head_word not in actor.role.split():
                continue
            if (actor.sector == "ELI") != (c.sector == "ELI"):
                continue  # "the president" is not the former president mentioned before
            if c.country is not None and actor.country != c.country:
                continue
            if (
                c.base is not None
                and c.country is None
                and actor.code
                and not actor.code.startswith(c.base)
            ):
                continue
            if not definite and c.base is None:
                continue
            ref.count += 1
            copied = self._copy_person(actor, "coref:title")
            self._add(a, b, hm.end - 1, copied)
            return True
        office = role.office
        country = c.country
        if country is None and definite and c.base is None:
            # "the president": of the country the sentence or the article is about
            located = self._sentence_location(*self._sentence_of(hm.start))
            country = located[1] if located else (self.state.latest_country() or self.home)
        code = c.base if c.country is None and c.base and c.base.startswith("IGO") else country
        if office in HEAD_OF_STATE_OFFICES and code and c.sector != "ELI":
            holders = self.kb.leaders(code, self.when, None if office == "leader" else office)
            if not holders and office == "hos" and code:
                holders = self.kb.leaders(code, self.when, "hog")
            matching = [p for p in holders if self._holds_role(p, role)]
            generic = (role.role or "") in GENERIC_OFFICES
            holders = matching or (holders if generic else [])
            if len(holders) >= 1:
                person = holders[0]
                term, sector, _ = self._term_at(person)
                pc = _Code(
                    base=self._term_base(term),
                    country=self._iso(term.code),
                    sector=sector if sector != "ELI" else "GOV",
                    name=person.name,
                    role=c.role,
                    kind="person",
                    rule=[*c.rule, "leaders:" + person.id],
                )
                self._add(a, b, hm.end - 1, pc)
                self.state.persons.append(
                    _PersonRef(frozenset(self._name_words_of(person.name)), self.mentions[-1].actor)
                )
                return True
        return False

    def _recent_holder(self, head_word: str, c: _Code, before: int) -> Actor | None:
        """ "A senior State Department official told reporters ... *The official* added":
        a definite title with no country of its own is the holder of that title the last
        sentences spoke of, named or not (the discourse state knows named people only, and
        not which was spoken of last).
        The nearest holder of a title with that head decides; one we cannot code, or a
        former holder for a sitting one, leaves the title to the rules after this one."""
        if not head_word or c.base is not None or c.country is not None:
            return None
        starts = self.state.sentence_starts
        since = self.tokens[starts[-1 - HOLDER_SENTENCES :][0]].idx
        for mention in sorted(self.mentions, key=lambda m: -m.start):
            if mention.start >= before or mention.members:
                continue
            if mention.start < since:
                return None
            actor = mention.actor
            if actor.kind != "person" or head_word not in (actor.role or "").split():
                continue
            if actor.code is None or (actor.sector == "ELI") != (c.sector == "ELI"):
                return None
            return actor
        return None

    def _holds_role(self, person: Person, role: Entry) -> bool:
        wanted = (role.role or "").lower()
        return any(
            t.role.lower() == wanted
            for t in person.terms
            if (t.covers(self.when) if self.when else t.end is None)
        )

    def _organisation_antecedent(
        self, sector: str | None, role: str | None, before: int, since: int = 0
    ) -> Actor | None:
        """ "the terror group", "the company", "the agency": the organisation it points
        back at. The latest mention with the same head ("the Moroccan counterterror agency"
        ... "the agency") wins, even uncoded (then the phrase gets no code either);
        otherwise the latest organisation the article named (by name, or as the employer
        of someone it quoted: "the UNICEF director") that such a phrase can mean. A role
        phrase of another head ("Iraqi officials") is no organisation named, and named
        ones before character ``since`` are too far back. Only mentions before character
        ``before`` (where the phrase starts) count, and not the news outlet a source
        talked to ("told VOA ... freedom of the press")."""
        earlier = sorted(
            (
                m
                for m in self.mentions
                if m.start < before and not m.members and m.start not in self.outlets
            ),
            key=lambda m: m.start,
        )
        for mention in reversed(earlier):
            actor = mention.actor
            plural = (actor.rule or "").split("+")[0].endswith(":pl")
            kind_ok = actor.kind in ("organisation", "group")
            if role is not None and actor.role == role and kind_ok and not plural:
                return actor  # uncoded too: "a standby force ... the force" is no other
        for mention in reversed(earlier):
            actor = mention.actor
            if mention.start < since:
                break
            if actor.code is None:
                if sector is not None and actor.sector == sector and _proper(actor.text):
                    return None  # "Beru Corporation ... the company": one we cannot code
                continue
            candidate = self._employer(actor) if actor.kind == "person" else actor
            if candidate is None or candidate.kind not in ("organisation", "group"):
                continue
            if not self._named(candidate):
                if sector is not None and candidate.sector == sector:
                    return candidate  # "Chinese firms" ... "the company"
                continue
            if self._can_be(candidate, sector):
                return candidate
        return None

    @staticmethod
    def _named(actor: Actor) -> bool:
        """Was the actor named (a knowledge-base organisation), not described by a role?"""
        first = (actor.rule or "").split("+")[0]
        named = ("kb:org:", "kb:inst:", "kb:group:", "kb:dict", "kb:ethnic:", "employer")
        return first.startswith(named)

    def _employer(self, person: Actor) -> Actor | None:
        """The organisation a quoted person works for or belongs to ("Catherine Russell,
        UNICEF's executive director", "an Islamic State commander"): it can be referred
        back to. A person of a country's government names no organisation."""
        base = self._base_of(person)
        if not base or len(base) <= 3 or self.kb.country(base[:3]) is not None:
            return None
        # the organisation's own sector is the one inside its code (IMGREBISI: REB), not the
        # person's post in it ("UNICEF's executive director")
        sector = person.sector if person.sector and person.sector in base[3:] else None
        c = _Code(base=base, sector=sector, kind="organisation", rule=["employer"])
        return _make_actor(person.text, person.start or 0, person.end or 0, c)

    @staticmethod
    def _can_be(actor: Actor, sector: str | None) -> bool:
        """Can a phrase of this sector ("the agency": GOV, "the group": none) mean the named
        organisation? A generic "group" or "organization" is no state body and no news
        outlet reporting the story; an "agency" is a government body or an international or
        aid organisation; other heads need their own sector ("the charity": an NGO)."""
        code = actor.code or ""
        international = code.startswith(("IGO", "NGO"))
        if sector is None:
            return international or actor.sector not in STATE_OR_PRESS
        if sector == "GOV":
            return international or actor.sector == "GOV"
        if sector == "NGO":
            return code.startswith("NGO") or actor.sector == "NGO"
        return actor.sector == sector

    def _pronoun_owner(self, a: int, head: int) -> Actor | None:
        """ "Bosnian Serbs said their forces had withdrawn", "the army moved its tanks": a
        possessive determiner points at the subject of the nearest clause above the phrase
        whose subject comes before it (none if that subject is no coded actor of the kind
        the pronoun can mean)."""
        owners = POSSESSIVE_OWNERS.get(self.words[a])
        if owners is None or not self.parsed or self.tokens[a].dep_ != "poss":
            return None
        s, _ = self._sentence_of(a)
        tok = self.tokens[head]
        for _ in range(MAX_CLAUSE_HOPS):
            if head_of(tok).i == tok.i:
                return None
            tok = head_of(tok)
            if tok.pos_ not in ("VERB", "AUX"):
                continue
            subjects = [
                c
                for c in children(tok)
                if c.dep_ in ("nsubj", "nsubjpass")
                and s <= c.i < a
                and not c.left_edge.i <= a <= c.right_edge.i  # "some of *its* officials"
            ]
            if not subjects:
                subjects = _fronted_clause_subjects(tok, s, a)
            if not subjects:
                continue
            if any(c.dep_ == "conj" for c in subjects[0].children):
                return None  # "Russia and China said their navies": several owners
            mention = self.mention_at.get(subjects[0].i)
            if mention is None or mention.members:
                return None
            actor = mention.actor
            if actor.code is None or actor.kind not in owners:
                return None
            return actor
        return None


def _fronted_clause_subjects(verb: Token, start: int, a: int) -> list[Token]:
    """ "As the Kremlin weighs its options, *its* officials hint ...": a possessive in a
    clause whose own subject holds it points back at the subject of a subordinate clause
    that comes before it in the sentence."""
    return [
        g
        for c in children(verb)
        if c.dep_ == "advcl" and c.right_edge.i < a
        for g in children(c)
        if g.dep_ in ("nsubj", "nsubjpass") and start <= g.i
    ]


def _proper(text: str) -> bool:
    """Does a phrase carry a name ("Beru Corporation"), not just a description ("the top
    two militant groups")?"""
    return any(word[:1].isupper() for word in text.split()[1:])
