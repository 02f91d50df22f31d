"""People: person names in a sentence and the code of each person.

Candidates are NER PERSON names (cleaned of title words and places NER glued on), knowledge-
base leader names and title + proper-noun runs. A person is coded from the title phrase, else
from the dated leaders list, else from an earlier mention of the same name, else (for a
national title) from the sentence's setting or the home country.
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import replace
from typing import NamedTuple

from dateline.actors._affiliation import CIVIL_BODY_HEADS, Affiliation, _Affiliation
from dateline.actors._context import _Context
from dateline.actors._discourse import _PersonRef
from dateline.actors._kb import Person, Term
from dateline.actors._match import Match
from dateline.actors._records import Mention, _Code, _make_actor
from dateline.actors._text import norm
from dateline.actors._titles import _Titles, _Zone
from dateline.actors._words import (
    ATTACH_PREPS,
    CALENDAR,
    COUNTRYISH,
    DIPLOMAT_ROLES,
    ORGISH,
    PLACE_HEADS,
    word_class,
)

OFFICE_RANK = {"hos": 0, "hog": 1, "fm": 2, "sg": 3, "other": 4}
# A name found only by its appositive title has a given name and a surname at least.
MIN_NAME_WORDS = 2
# "X, also known as Y": adverbs between the comma and "known"
ALIAS_ADVERBS = word_class("alias_adverb")
# The word before a person's other name: "known as", "known by his nickname", "nicknamed"
ALIAS_INTRODUCERS = word_class("alias_introducer")
# Participles that name an alias with no "known as": "X, *nicknamed* Y".
NAMING_PARTICIPLES = word_class("naming_participle")
# How many sentences back an unnamed office holder may be named for the first time.
BRIDGE_SENTENCES = 1
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
INDEFINITE = word_class("indefinite_determiner")
# Entity labels a run of unknown capitalised words before an appositive person title may
# carry: the tagger reads unfamiliar names as places, nationalities or organisations too
# ("Artur Romeu, director of ...").
NAME_RUN_LABELS = frozenset({"PERSON", "GPE", "NORP", "ORG"})
# Words that make a PERSON entity a storm, not a person ("Cyclone Jude").
NOT_PEOPLE = word_class("storm_word")
# Last words that make a name a document, meeting or prize named after a place or person
# ("the Washington Declaration", "the Minsk Accords", "the Nobel Prize"), not a person.
NOT_PERSON_HEADS = word_class("document_head")
KIN_NOUNS = word_class("kin_noun")
# Bodies a person named through them speaks for ("Human Rights Watch's Heather Barr"),
# and countries ("Kenya's Wafula").
ORGANISATION_KINDS = frozenset({"organisation", "group", "country"})
# How many words a body's name before a possessive may have.
MAX_OWNER_WORDS = 8
# Sectors of a person whose spokesman or aide shares them ("President Ghani's spokesman").
OWNER_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "OPP", "PTY", "REB", "IGO"})


class _Owner(NamedTuple):
    """Who owns a post or person named after a possessive: code base, ISO3, sector, kind."""

    base: str | None
    country: str | None
    sector: str | None
    kind: str | None


class _People(_Titles, _Context, _Affiliation):
    """Rules that find person names and code the people they name."""

    def _person_candidates(self, s: int, e: int) -> list[tuple[int, int]]:
        spans: list[tuple[int, int]] = []
        seen: set[int] = set()

        def add(a: int, b: int) -> None:
            if a < b and not any(i in seen for i in range(a, b)):
                spans.append((a, b))
                seen.update(range(a, b))

        first = bisect.bisect_left(self.ent_starts, s)
        for ent in self.ents[first : bisect.bisect_left(self.ent_starts, e)]:
            if ent.label_ == "PERSON" and s <= ent.start < e:
                a, b = self._clean_name(ent.start, min(ent.end, e))
                if a < b:
                    add(a, b)
        for m in self._matches_from(s, e):
            if not s <= m.start < e or m.start in seen:
                continue
            if m.has("person"):
                add(m.start, self._extend_name(m.end, e))
            elif (m.has("role") and self._is_title(m)) or self._clash_before_name(m, e):
                j = m.end
                k = j
                while k < e and self._is_name_token(k) and self._free_name_token(k):
                    k += 1
                if k > j and self._clash_before_name(m, e):
                    add(m.start, k)
                elif k > j:
                    add(j, k)
        for i in range(s + 3, e):
            if (
                i not in seen
                and self._is_name_token(i)
                and self.match_at[i] is None
                and self.words[i - 1] in KIN_NOUNS
                and self.words[i - 2] in ("'s", "'")
            ):
                # "Lai's son Sebastien": a given name alone, which the tagger missed
                k = i
                while k < e and self._is_name_token(k) and self.match_at[k] is None:
                    k += 1
                add(i, k)
        for i in range(s + 3, e):
            if (
                i not in seen
                and self._is_name_token(i)
                and self.words[i - 1] in ALIAS_INTRODUCERS
                and self._alias_anchor_span(i) is not None
            ):
                # "Museveni, known by his nickname Mzee": a one-word nickname the tagger
                # missed
                k = i
                while k < e and self._is_name_token(k) and self._free_name_token(k):
                    k += 1
                add(i, k)
        for i in range(s, e):
            if i in seen or not self._is_name_token(i) or self.match_at[i] is not None:
                continue
            k = i
            while k < e and self._is_name_token(k) and self.match_at[k] is None:
                k += 1
            if self.state.person_named(self._name_words(i, k)) is not None:
                # "Sato said": a surname of someone the article introduced, which the
                # tagger did not take for a person
                add(i, k)
        for i in range(s + 2, e):
            if self.words[i] == ",":
                left = self._unknown_name_before(i, s)
                if left is not None and not any(k in seen for k in range(left, i)):
                    zone = self._appositive(i, e)
                    if zone is not None and zone.title is not None and zone.title.kind == "person":
                        # "Kenzo Tanaka, the UN relief coordinator, said": the appositive
                        # title makes a name the tagger missed a person
                        add(left, i)
        spans.sort()
        return spans

    def _unknown_name_before(self, i: int, s: int) -> int | None:
        """Start of a run of at least two capitalised words with no knowledge-base or
        organisation reading ending at ``i``, standing on its own (not "the X Y")."""
        j = i
        while j > s and self._is_name_token(j - 1) and self.match_at[j - 1] is None:
            ent = self.ent_at[j - 1]
            if ent is not None and ent.label_ not in NAME_RUN_LABELS:
                return None
            j -= 1
        if i - j < MIN_NAME_WORDS:
            return None
        if j > s and self.words[j - 1] in ("the", "a", "an", "of", "'s", "'"):
            return None
        return j

    def _clash_before_name(self, m: Match, e: int) -> bool:
        """ "Chad Smith": a country-name clash word directly followed by a surname."""
        if m.end - m.start != 1 or self.words[m.start] not in self.kb.name_clashes:
            return False
        k = m.end
        return (
            k < e
            and self._is_name_token(k)
            and self._free_name_token(k)
            and not self._preceded_by_title_or_prep(m.start)
        )

    def _free_name_token(self, k: int) -> bool:
        m = self.match_at[k]
        return m is None or m.has("person")

    def _extend_name(self, b: int, e: int) -> int:
        # "Kairat Abdrakhmanov" is in the list as "Abdrakhmanov" only: keep following names.
        while b < e and self._is_name_token(b) and self._free_name_token(b):
            b += 1
        return b

    def _preceded_by_title_or_prep(self, i: int) -> bool:
        if i == 0:
            return False
        prev = self.match_at[i - 1]
        if prev is not None and prev.has("role"):
            return True
        return self.words[i - 1] in ATTACH_PREPS or self.words[i - 1] in ("to", "'s")

    def _clean_name(self, a: int, b: int) -> tuple[int, int]:
        """Strip title words and place names that NER glued onto a PERSON name."""
        while a < b:
            m = self.match_at[a]
            if m is None or m.has("person") or m.end > b:
                break
            if not m.has(*COUNTRYISH, *ORGISH, "role"):
                break
            if (
                m.end - m.start == 1
                and self.words[a] in self.kb.name_clashes
                and not self._preceded_by_title_or_prep(a)
                and a + 1 < b
            ):
                break  # "Chad Smith"
            a = m.end
        while b > a and (
            self.words[b - 1] in ("'s", "'")
            or self.words[b - 1] in CALENDAR
            or not self.surfaces[b - 1].strip()
        ):
            b -= 1
        while b > a and not any(c.isalpha() for c in self.surfaces[b - 1]):
            b -= 1
        if a < b and (
            self.words[a] in NOT_PEOPLE
            or not any(self.surfaces[k][:1].isupper() for k in range(a, b))
        ):
            return a, a
        if a < b and not any(x.has("person") for x in self._matches_in(a, b)):
            # "Beyond Ukraine": a name with a country or organisation in it is no person
            for x in self._matches_in(a, b):
                single = x.end - x.start == 1 and self.words[x.start] in self.kb.name_clashes
                if x.has(*COUNTRYISH, *ORGISH) and not single and (x.start, x.end) != (a, b):
                    return a, a
        if a < b:
            m = self.match_at[a]
            whole = m is not None and m.start == a and m.end == b and not m.has("person")
            # "Jordan" alone: a person only if the article introduced one by that name.
            if (
                whole
                and m is not None
                and m.has(*COUNTRYISH, *ORGISH)
                and self.state.person_named(self.words[a:b]) is None
                and not self._zone_has_title(a)
            ):
                return a, a
        return a, b

    def _zone_has_title(self, a: int) -> bool:
        if a == 0:
            return False
        m = self.match_at[a - 1]
        return m is not None and self._is_title(m)

    def _person(self, a: int, b: int, s: int, e: int) -> None:
        if self._any_taken(a, b) or self._names_place(b - 1):
            return
        if b - a > 1 and self.words[b - 1] in CIVIL_BODY_HEADS:
            return  # "the Migrant Legal Defense Project": a body, coded as one later
        if b - a > 1 and self.words[b - 1] in NOT_PERSON_HEADS:
            self._take(a, b)  # a named document or meeting: no actor, no name to refer back to
            return
        zone = self._title_zone(a, s)
        apps = None
        if zone.title is None:
            apps = self._appositive(b, e)
        info = apps if apps is not None and apps.title is not None else zone
        if info is apps and info.base is None:
            self._appositive_country(info, e)
        end = b
        if info.base is None and b + 1 < e and self.words[b] == "of":
            # "King Hassan of Morocco"
            j = b + 1
            while j < e and self.words[j] in ("the", "a", "an"):
                j += 1
            m = self.match_at[j] if j < e else None
            if m is not None and m.has("country", "place"):
                info.base, info.country, _, rule = self._source_country(m)
                info.rules.append(rule)
                end = m.end
        c = self._person_code(a, b, info, self._affiliation_after(b, e))
        start = zone.start
        if info.title is not None and info.title.kind == "group":
            # "the opposition newspaper La Prensa": a named organisation, not a person
            c.kind, c.name = "organisation", self._text(a, b)
            self._add(start, end, b - 1, c)
            return
        nxt = self.match_at[b] if b < e else None
        group_role = nxt.first("role") if nxt is not None and nxt.start == b else None
        if (
            nxt is not None
            and group_role is not None
            and group_role.kind == "group"
            and "plural" not in group_role.flags
            and c.base is not None
        ):
            # "the Bush administration", "the Netanyahu government": the person's
            # organisation, coded with the person's country
            a0, b0 = self._chars(a, b)
            self.state.persons.append(
                _PersonRef(
                    frozenset(self._name_words(a, b)), _make_actor(self._text(a, b), a0, b0, c)
                )
            )
            oc = _Code(
                base=c.base, country=c.country, sector=group_role.sector, role=group_role.role,
                kind="organisation", rule=[*c.rule, "kb:" + group_role.id],
            )  # fmt: skip
            self._add(start, nxt.end, nxt.end - 1, oc)
            return
        self._add(start, end, b - 1, c)
        if c.base is not None and any(r.startswith("kb:") for r in c.rule) and not zone.title:
            self._origin_of_first_conjunct(a, c)
        if apps is not None and apps.title is not None:
            self._take(apps.start, apps.end)
        self.state.persons.append(
            _PersonRef(
                frozenset(self._name_words(a, b) | self._name_words_of(c.name)),
                self.mentions[-1].actor,
            )
        )

    def _names_place(self, last: int) -> bool:
        """Does the name ending at token ``last`` modify a place or facility noun ("Dadaab
        and Kakuma camps", "the Tora Bora caves") or follow one with "of" ("the town of
        Bazoum")? Then it names the place, not a person."""
        if not self.parsed:
            return False
        tok = self.tokens[last]
        while tok.dep_ == "conj" and tok.head.i < tok.i:
            tok = tok.head  # "Dadaab and *Kakuma* camps": the first conjunct modifies
        if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.i < tok.i:
            # "the towns of Bocaranga and *Bazoum*", "the city of Marawi": the place named
            place = tok.head.head
            return place.pos_ == "NOUN" and str(place.lemma_).lower() in PLACE_HEADS
        if tok.dep_ not in ("compound", "nmod") or tok.head.i <= tok.i:
            return False
        head = tok.head
        return head.pos_ == "NOUN" and str(head.lemma_).lower() in PLACE_HEADS

    def _name_words(self, a: int, b: int) -> set[str]:
        return {w for w in self.words[a:b] if any(ch.isalpha() for ch in w) and w not in ("-",)}

    @staticmethod
    def _name_words_of(name: str | None) -> set[str]:
        if not name:
            return set()
        return {norm(w) for w in name.replace("-", " ").split() if any(ch.isalpha() for ch in w)}

    def _person_code(
        self, a: int, b: int, zone: _Zone, affiliation: Affiliation | None = None
    ) -> _Code:
        name_text = self._text(a, b)
        c = _Code(kind="person", name=name_text)
        person = self._kb_person(a, b)
        antecedent = self.state.person_named(self._name_words(a, b))
        if zone.title is not None:
            c.role = zone.role_text
            c.rule.append("title")
        if zone.base is not None:
            c.base, c.country = zone.base, zone.country
            c.sector = zone.sector if zone.title is not None else None
            c.rule.extend(zone.rules)
            if person is not None:
                c.name = person.name
            elif antecedent is not None and antecedent.actor.name:
                c.name = antecedent.actor.name
            return c
        if person is not None:
            term, sector, role = self._term_at(person)
            c.name = person.name
            c.base = self._term_base(term)
            c.country = self._iso(term.code)
            c.sector = sector
            c.role = c.role or role
            # a title in the text says what the person is at the time of writing
            # ("President Obama" in 2000 is still coded as a president)
            if zone.title is not None and zone.sector:
                c.sector = zone.sector
            if zone.former:
                c.sector = "ELI"
            c.rule.append("leaders:" + person.id)
            return c
        uncoded = antecedent is None or antecedent.actor.code is None
        if zone.title is None and uncoded and (origin := self._stated_origin(b)) is not None:
            # "Amirov and Omarov, both from Azerbaijan": private people of that country
            c.base, c.country, _, origin_rule = self._source_country(origin)
            c.rule.append(origin_rule)
            if antecedent is not None and antecedent.actor.name:
                c.name = antecedent.actor.name
            return c
        rule = "coref:name"
        if antecedent is None and zone.title is None:
            antecedent = self._alias_anchor(a)
            rule = "coref:alias"
        if antecedent is None and zone.title is None and person is None:
            introduced = self._role_before_name(a, b)
            if introduced is not None:
                # "China's U.N. ambassador told reporters ... Fu Cong blamed": the office
                # holder the story just spoke of, now named
                self.bridged.add(introduced.head)
                copied = self._copy_person(introduced.actor, "coref:role")
                copied.name = name_text
                return copied
        if antecedent is not None:
            ant = antecedent.actor
            antecedent.count += 1
            copied = self._copy_person(ant, rule)
            copied.role = c.role or ant.role
            return copied
        owner = self._owner_before(zone.start if zone.title is not None else a)
        if owner is None and affiliation is not None:
            # "X of Human Rights Watch", "X, of the Coastal Wildlife Society,": the body
            # named after the person is the one the person speaks for
            owner = _Owner(
                affiliation.base, affiliation.country, affiliation.sector, "organisation"
            )
            c.rule.append(affiliation.rule)
        if zone.title is not None and owner is not None:
            # "President Ghani's spokesman Mohammad Ameri", "Human Rights Watch's director
            # X": the post is the owner's; a generic title takes the owner's sector
            c.base, c.country, c.sector = owner.base, owner.country, zone.sector
            if "weak" in zone.title.flags and owner.kind != "country":
                c.sector = owner.sector if owner.sector in OWNER_SECTORS else None
            c.rule.append("owner")
        elif zone.title is not None:
            c.sector = zone.sector
            is_diplomat = any(p in DIPLOMAT_ROLES for p in (zone.title.role or "").split())
            if not is_diplomat:
                # the head of an international body ("Secretary General X") is no national
                # of the country the story is about
                focus = zone.title.office != "sg"
                self._fallback_country(c, *self._sentence_of(a), focus=focus)
            if c.base is None and person is None:
                self._bridge_title(a, b, c)
        elif person is None and owner is not None and owner.kind in ORGANISATION_KINDS:
            # "Human Rights Watch's Heather Barr": a person named through the body she
            # works for speaks for it
            c.base, c.country, c.sector = owner.base, owner.country, owner.sector
            c.rule.append("owner")
        elif person is None and (kin := self._kin_of(a)) is not None:
            # "the tycoon's son Sebastien": family takes the relative's country, not office
            c.base, c.country = self._country_code(kin), kin
            c.rule.append("kin")
        elif person is None and not (a > 0 and self.words[a - 1] in ("'s", "'")):
            # "Wafula denied the charges" in a story about Kenya: a private person new to
            # the story, with no title or affiliation ("the group's X" has one we cannot
            # read), is of the country the story is about
            self._story_country(c, *self._sentence_of(a))
        return c

    def _owner_before(self, k: int) -> _Owner | None:
        """Who owns, by a possessive ending right before token ``k``, the post or person
        there: a person the sentence named ("President Ghani's spokesman"), or a body or
        country the knowledge base knows ("Human Rights Watch's Heather Barr", "the State
        Department's X"). None for anything else."""
        if k < 2 or self.words[k - 1] not in ("'s", "'"):
            return None
        for mention in reversed(self.mentions):
            if mention.head == k - 2:
                actor = mention.actor
                if mention.members:
                    return None
                if not actor.code:
                    return self._civil_owner(k - 1)
                return _Owner(self._base_of(actor), actor.country, actor.sector, actor.kind)
        for m in self._matches_from(max(0, k - MAX_OWNER_WORDS), k - 1):
            if m.end == k - 1 and m.has(*ORGISH, *COUNTRYISH):
                base, iso, sector, _ = self._source_country(m)
                kind = "organisation" if m.has(*ORGISH) else "country"
                return _Owner(base, iso, sector, kind) if base is not None else None
        return self._civil_owner(k - 1)

    def _civil_owner(self, k: int) -> _Owner | None:
        """A body the knowledge base does not know, before the possessive at token ``k``
        ("the Coastal Wildlife Society's X"), as an owner, else None."""
        body = self._civil_body_before(k)
        if body is None:
            return None
        return _Owner(body.base, body.country, body.sector, "organisation")

    def _kin_of(self, a: int) -> str | None:
        """The country of the person whose relative the name starting at ``a`` is ("Lai's
        son Sebastien"), else None."""
        if a < 3 or self.words[a - 1] not in KIN_NOUNS or self.words[a - 2] not in ("'s", "'"):
            return None
        for mention in reversed(self.mentions):
            if mention.head == a - 3:
                actor = mention.actor
                return actor.country if actor.kind == "person" else None
        return None

    def _bridge_title(self, a: int, b: int, c: _Code) -> None:
        """ "The head of X told the council ... said Secretary General Y": a title that names
        no body takes the body of the office holder the story just spoke of."""
        introduced = self._role_before_name(a, b)
        if introduced is None:
            return
        self.bridged.add(introduced.head)
        ant = introduced.actor
        c.base, c.country = ant.code, ant.country
        c.sector = c.sector or ant.sector
        c.rule.append("coref:role")

    def _role_before_name(self, a: int, b: int) -> Mention | None:
        """A full name, subject of its sentence and new to the story, right after a
        sentence whose subject was a definite, unnamed office holder ("The U.N. envoy for
        Syria is calling for ... Geir Pedersen issued his appeal"): that office holder."""
        if not self.parsed or b - a < MIN_NAME_WORDS or self.phrase_mode:
            return None
        if self.tokens[b - 1].dep_ not in SUBJECT_DEPS:
            return None
        starts = self.state.sentence_starts
        if len(starts) < 2:
            return None
        here = self.tokens[starts[-1]].idx
        floor = self.tokens[starts[max(0, len(starts) - 1 - BRIDGE_SENTENCES)]].idx
        for mention in reversed(self.mentions):
            if mention.start >= here:
                continue
            if mention.start < floor:
                break
            actor = mention.actor
            subject = self.tokens[mention.head].dep_ in SUBJECT_DEPS
            if actor.kind != "person" or mention.members or not subject:
                continue
            if actor.name:
                return None  # a named person in between is the story's subject now
            first = (actor.text or "").split()[0].lower() if actor.text else ""
            if (
                actor.role
                and actor.code
                and first not in INDEFINITE
                and mention.head not in self.bridged
            ):
                return mention
            return None
        return None

    def _origin_of_first_conjunct(self, a: int, c: _Code) -> None:
        """ "Amirov and Omarov, both from Azerbaijan": the first name, a person the story
        already introduced that the tagger missed here, is from there too."""
        if a < 2 or self.words[a - 1] != "and" or self._stated_origin(a - 1) is None:
            return
        k = a - 1
        while k > 0 and self._is_name_token(k - 1) and not self.taken[k - 1]:
            k -= 1
        if k == a - 1 or self.match_at[k] is not None:
            return
        known = self.state.person_named(self._name_words(k, a - 1))
        if known is None or known.actor.code is not None:
            return
        first = replace(c, name=known.actor.name, rule=list(c.rule))
        self._add(k, a - 1, a - 2, first)
        self.state.persons.append(_PersonRef(known.tokens, self.mentions[-1].actor))

    def _appositive_country(self, zone: _Zone, e: int) -> None:
        """ "Lai, a businessman and founder of the Apple Daily newspaper in Hong Kong": a
        country further on in the same appositive, past its first title."""
        k = zone.end
        while k < e and self.words[k] not in (",", ";", "(", ")", "“", '"') and not self.taken[k]:
            m = self.match_at[k]
            if self.words[k] in ("in", "of", "from") and k + 1 < e:
                j = k + 1
                while j < e and self.words[j] in ("the", "a", "an"):
                    j += 1
                m = self.match_at[j] if j < e else None
                if m is not None and m.start == j and m.has("country", "place"):
                    base, iso, _, rule = self._source_country(m)
                    if base is not None:
                        zone.base, zone.country = base, iso
                        zone.rules.append(rule)
                    return
            k = m.end if m is not None and m.start == k else k + 1

    def _stated_origin(self, b: int) -> Match | None:
        """The country in ", from X" right after the name ending before ``b`` ("Rafat
        Amirov, from Azerbaijan,"), also after a second name ("A and B, both from X")."""
        e = self._sentence_of(b - 1)[1]
        k = b
        if k < e and self.words[k] == "and":
            k += 1
            start = k
            while k < e and self._is_name_token(k):
                k += 1
            if k == start:
                return None
        if k >= e or self.words[k] != ",":
            return None
        k += 1
        if k < e and self.words[k] in ("both", "all"):
            k += 1
        if k >= e or self.words[k] != "from":
            return None
        k += 1
        if k < e and self.words[k] == "the":
            k += 1
        m = self.match_at[k] if k < e else None
        if m is None or m.start != k or not m.has("country") or m.has("person"):
            return None
        if m.end < e and self.words[m.end] not in (",", ".", ";", "and", ")"):
            return None  # "from Azerbaijan's capital": a place of origin, not a nationality
        return m if self._source_country(m)[1] is not None else None

    def _alias_anchor_span(self, a: int) -> tuple[int, int] | None:
        """The name of the person whose other name the name at ``a`` is: "Mohamed, known by his
        nickname Farmajo", "Ahmed Hussein al-Sharaa, also known as Abu Mohammed al-Jolani",
        "Mohamed Hamdan Dagalo, nicknamed Hemedti" (tokens of the name before the comma)."""
        k = a - 1
        if k < 0:
            return None
        if self.words[k] in NAMING_PARTICIPLES:
            k -= 1
        else:
            if self.words[k] == "nickname":
                k -= 1
                if k >= 0 and self.words[k] in ("his", "her", "the", "a"):
                    k -= 1
                if k < 0 or self.words[k] != "by":
                    return None
            elif self.words[k] != "as":
                return None
            k -= 1
            if k < 0 or self.words[k] != "known":
                return None
            k -= 1
        if k >= 0 and self.words[k] in ALIAS_ADVERBS:
            k -= 1
        if k < 1 or self.words[k] not in (",", "("):
            return None
        end = k
        while k > 0 and self._is_name_token(k - 1):
            k -= 1
        if k == end:
            return None
        return k, end

    def _alias_anchor(self, a: int) -> _PersonRef | None:
        span = self._alias_anchor_span(a)
        return self.state.person_named(self._name_words(*span)) if span else None

    def _kb_person(self, a: int, b: int) -> Person | None:
        candidates: list[Person] = []
        for m in self._matches_in(a, b):
            if a < m.start and m.end < b:
                continue  # a middle name: "Ahmed *Sharif* Chaudhry" is no Sharif
            for entry in m.entries:
                if entry.type == "person" and entry.id in self.kb.persons:
                    candidates.append(self.kb.persons[entry.id])
        if not candidates:
            # another spelling of a known full name: "Omar El Bashir" for "Omar al-Bashir"
            candidates = self.kb.persons_named(self.surfaces[a:b])
        if not candidates:
            return None
        return min(candidates, key=self._person_rank)

    def _person_rank(self, person: Person) -> tuple[int, int, float]:
        when = self.when
        covering = [t for t in person.terms if (t.covers(when) if when else t.end is None)]
        if covering:
            best = min(OFFICE_RANK.get(t.office, 4) for t in covering)
            return (0, best, 0.0)
        latest = max((t.end or dt.date.max) for t in person.terms)
        gap = abs(((when or dt.date.today()) - min(latest, dt.date.today())).days)
        return (1, 9, float(gap))

    def _term_at(self, person: Person) -> tuple[Term, str, str | None]:
        """Term, sector and role of ``person`` at ``self.when`` (ELI outside any term)."""
        when = self.when
        terms = person.terms
        covering = [t for t in terms if (t.covers(when) if when else t.end is None)]
        if covering:
            term = min(covering, key=lambda t: OFFICE_RANK.get(t.office, 4))
            return term, term.sector, term.role
        if when is None:
            term = max(terms, key=lambda t: t.start or dt.date.min)
            return term, "ELI", "former " + term.role
        past = [t for t in terms if t.end is not None and t.end < when]
        if past:
            term = max(past, key=lambda t: t.end or dt.date.min)
            return term, "ELI", "former " + term.role
        term = min(terms, key=lambda t: t.start or dt.date.min)
        return term, "ELI", None
