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
4. any remaining knowledge-base names.

A discourse state carries people, titles and country salience from sentence to sentence:
that is the in-article coreference.
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import replace
from typing import Any

from dateline.actors._coref import _Coreference
from dateline.actors._kb import SECTORS, Entry, KnowledgeBase
from dateline.actors._match import Match
from dateline.actors._records import Mention, _Code, _make_actor
from dateline.actors._words import (
    ARMED_SECTORS,
    ATTACH_PREPS,
    COUNTRYISH,
    DEFINITE,
    DIPLOMAT_ROLES,
    ORGISH,
)
from dateline.model import Actor

COORD = frozenset({"and", ",", "or", "&", "as well as"})
# Sectors whose definite, country-less mention ("the army", "the government") means the
# institution of the country in focus.
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "LEG", "JUD", "SPY"})
# Modifiers saying that a force does not belong to the place it is in
# ("an international peacekeeping force in Liberia").
FOREIGN_MODIFIERS = frozenset({"international", "foreign", "multinational", "multi-national"})


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


class _DocResolver(_Coreference):
    def run(self) -> list[Mention]:
        if not self.n:
            return []
        if self.phrase_mode or not self.has_sents:
            sentences = [(0, self.n)]
        else:
            sentences = [(s.start, s.end) for s in self.doc.sents]
        for s, e in sentences:
            self._sentence(s, e)
        self.mentions.sort(key=lambda m: (m.start, m.end))
        return self.mentions

    def _sentence(self, s: int, e: int) -> None:
        before = len(self.mentions)
        self.state.sentence_starts.append(s)
        # a pair stays "recent" for this sentence and the one before
        self.state.sentence_floor = (
            self.state.sentence_starts[-2] if len(self.state.sentence_starts) > 1 else 0
        )
        for ns, ne in self._person_candidates(s, e):
            self._person(ns, ne, s, e)
        for m in self._matches_from(s, e):
            if s <= m.start < e and m.has("ref") and not self._any_taken(m.start, m.end):
                self._plural_ref(m, s)
        for us, ue, head in self._units(s, e):
            self._unit(us, ue, head, s, e)
        self._coordinate(before)
        for m in self._matches_from(s, e):
            if (
                s <= m.start < e
                and m.has(*COUNTRYISH, *ORGISH)
                and not self._any_taken(m.start, m.end)
            ):
                self._unit(m.start, m.end, m.end - 1, s, e)
        new = sorted(self.mentions[before:], key=lambda m: m.start)
        for mention in new:
            if mention.members and mention.actor.rule == "coordination":
                countries = list(
                    dict.fromkeys(
                        x.country or x.code for x in mention.members if x.country or x.code
                    )
                )
                self.state.coordinations.append((mention.head, [c for c in countries if c]))

    def _units(self, s: int, e: int) -> list[tuple[int, int, int]]:
        if self.phrase_mode or not self.parsed:
            return [(s, e, self._phrase_head(s, e))]
        out = []
        for chunk in self._chunks_between(s, e):
            a, b = chunk.start, chunk.end
            # spaCy glues a dateline onto the next phrase across blank lines: split there
            for k in range(a, b):
                if not self.tokens[k].text.strip():
                    if chunk.root.i < k:
                        b = k
                    else:
                        a = k + 1
            while a < b and (self.taken[a] or self.words[a] in ("'s", "'")):
                a += 1
            while b > a and self.taken[b - 1]:
                b -= 1
            if a >= b or self._any_taken(a, b):
                continue
            head = chunk.root.i if a <= chunk.root.i < b else b - 1
            out.append((a, b, head))
        return out

    def _chunks_between(self, s: int, e: int) -> list[Any]:
        # chunks are in document order: bisect instead of scanning them all per sentence
        starts = self.chunk_starts
        lo = bisect.bisect_left(starts, s)
        hi = bisect.bisect_left(starts, e)
        return self.chunks[lo:hi]

    def _phrase_head(self, s: int, e: int) -> int:
        # no parse: the head is the last word before a post-modifier ("President of X")
        for k in range(s, e):
            if self.words[k] in ATTACH_PREPS and k > s:
                return k - 1
        return e - 1

    def _unit(self, a: int, b: int, head: int, s: int, e: int) -> None:
        if self._any_taken(a, b):
            return
        hm = self.match_at[head]
        if (
            hm is not None
            and hm.start >= a
            and b < hm.end <= e
            and self._imported_agent(hm)
            and not self._any_taken(b, hm.end)
        ):
            # an imported agent phrase runs on past the unit: "the Calenardhon Ministry"
            # + "of Silly Walks" is "!MINST!_OF_SILLY_WALKS [~GOV]"
            b = hm.end
        if hm is not None and (hm.start < a or hm.end > b):
            hm = None
        if hm is None:
            # the head is no actor word: a possessive ("the Kazakh President's address")
            # is a phrase of its own, and country or organisation modifiers are actors
            for k in range(a, b):
                if self.words[k] in ("'s", "'") and k > a and not self.taken[k - 1]:
                    self._unit(a, k, k - 1, s, e)
                    break
            # "Israeli army bulldozers", "a Karen guerrilla stronghold": a role word with
            # its own country modifying the head is an actor phrase of its own
            roles = [
                m
                for m in self._matches_in(a, head)
                if (r := m.first("role")) is not None
                and r.kind in ("person", "group", "agent")
                and not self._any_taken(m.start, m.end)
            ]
            owners = [m for m in self._matches_in(a, head) if self._country_source(m)]
            if roles and owners and owners[0].start < roles[-1].start:
                last = roles[-1]
                start = a
                while start < last.start and self.taken[start]:
                    start += 1
                if not self._any_taken(start, last.end):
                    self._unit(start, last.end, last.end - 1, s, e)
            for m in self._matches_in(a, b):
                if m.has(*COUNTRYISH, *ORGISH) and not self._any_taken(m.start, m.end):
                    if self._pro_anti(m.start):
                        continue
                    self._name_unit(m, m.start, m.end, s, e)
            return
        if hm.has("person"):
            return
        role = hm.first("role")
        named = hm.first(*COUNTRYISH, *ORGISH)
        country_mod = any(m.has(*COUNTRYISH) and m is not hm for m in self._matches_in(a, hm.start))
        if role is not None and (named is None or (country_mod and role.kind != "modifier")):
            if role.kind in ("person", "group", "thing", "agent"):
                self._role_unit(a, b, hm, role, s, e)
            return
        if named is not None:
            self._name_unit(hm, a, b, s, e)

    def _name_unit(self, hm: Match, a: int, b: int, s: int, e: int) -> None:
        """A unit headed by a country, place, organisation or group name."""
        entry = hm.first(*COUNTRYISH, *ORGISH)
        if entry is None:
            return
        # "Jordan" after "Michael Jordan" was introduced is the person
        if hm.end - hm.start == 1 and self.words[hm.start] in self.kb.name_clashes:
            ref = self.state.person_named([self.words[hm.start]])
            if ref is not None:
                ref.count += 1
                c = self._copy_person(ref.actor, "coref:name")
                self._add(hm.start, hm.end, hm.start, c)
                return
        c = _Code(rule=["kb:" + entry.id])
        mods = [m for m in self._matches_in(a, hm.start) if m.has(*COUNTRYISH)]
        modifier = next((m for m in reversed(mods) if self._source_country(m)[0]), None)
        if entry.type in ("country", "adjective", "people"):
            c.base, c.country, c.kind = entry.code, entry.country, "country"
            c.name = (
                self.kb.countries[entry.country].name
                if entry.country in self.kb.countries
                else entry.name
            )
            ethnic = a < hm.start and self.words[hm.start - 1] == "ethnic"
            if entry.type == "people" and (ethnic or modifier is not None):
                # "ethnic Albanians in Macedonia", "Bosnian Serbs": a community of the
                # country the phrase places it in
                c.sector, c.kind, c.name = "CVL", "group", None
                b = self._place_community(c, modifier, hm, b, s, e, keep=True)
        elif entry.type == "ethnic":
            c.sector, c.kind, c.name = "CVL", "group", entry.name
            c.base, c.country = (
                (self._country_code(entry.country), entry.country)
                if entry.country
                else (None, None)
            )
            b = self._place_community(c, modifier, hm, b, s, e, keep=entry.country is not None)
        elif entry.type == "region":
            c.base, c.kind, c.name = entry.code, "country", entry.name
        elif entry.type == "place":
            iso = self.kb.country_at(entry.country, self.when)
            c.base, c.country, c.name, c.kind = self._country_code(iso), iso, entry.name, "place"
            capital = entry.kind == "capital" and iso == entry.country
            if self._dateline(hm.start, hm.end):
                c.rule.append("dateline")
            elif capital and self._metonymic(hm.end - 1):
                c.sector, c.kind = "GOV", "country"
                c.rule.append("capital")
            elif entry.kind in ("capital", "city"):
                c.sector = "CVL"
        elif "several" in entry.flags and self._dict_group(hm, a, b, entry):
            return
        else:
            base, iso, sector, rule = self._source_country(hm)
            if base is None:
                return
            c.base, c.country, c.sector = base, iso, sector
            c.name = entry.name
            c.kind = "organisation" if entry.type in ("org", "institution") else "group"
            if entry.type == "dict":
                self._imported_agents(c, self._matches_in(a, hm.start))
            if entry.type == "institution" and entry.kind == "seat":
                c.kind = "country"
        if entry.type in ("adjective",) and hm.start == a and hm.end < b:
            b = hm.end  # "Kazakh products": the adjective is the actor, not the products
        self._add(a if entry.type != "adjective" else hm.start, b, hm.end - 1, c)

    @staticmethod
    def _imported_agent(m: Match) -> bool:
        role = m.first("role")
        return role is not None and role.kind == "agent"

    @staticmethod
    def _imported_agents(c: _Code, mods: list[Match]) -> None:
        """PETRARCH combines an actor with the agents of its noun phrase ("Bree President
        Romendacil" is BRE with PRESIDENT [~GOV]: BREGOV; "MSF Arnor" with MSF [NGO~]:
        NGOARN). Only imported agents do this: the built-in roles code persons by office."""
        for m in mods:
            role = m.first("role")
            if role is None or role.kind != "agent" or not role.code:
                continue
            if "prefix" in role.flags:
                c.prefix = role.code + c.prefix
            elif c.sector is None:
                c.sector, c.suffix = role.code[:3], role.code[3:]
                c.rule.append("kb:" + role.id)
            else:
                c.suffix += role.code
                c.rule.append("kb:" + role.id)

    def _dict_group(self, hm: Match, a: int, b: int, entry: Entry) -> bool:
        """An imported name coded as several actors at once ("THE_SHIRE [FRO/BIL/SAM]"):
        one group mention whose members are those actors, as for "France and Germany"."""
        members = []
        ma, mb = self._chars(a, b)
        for dc in entry.codes:
            base, iso, sector = self._dated_base(dc)
            if base is None:
                continue
            mc = _Code(base=base, country=iso, sector=sector, kind="group", name=entry.name)
            mc.rule = ["kb:" + entry.id, "several"]
            members.append(_make_actor(self._text(a, b), ma, mb, mc))
        if len(members) < 2:
            return False
        group = _Code(kind="group", name=entry.name, rule=["kb:" + entry.id, "several"])
        self._add(a, b, hm.end - 1, group, members)
        return True

    def _place_community(
        self, c: _Code, modifier: Match | None, hm: Match, b: int, s: int, e: int, *, keep: bool
    ) -> int:
        """Country of a community: a country modifier, a place after it, the sentence's
        setting, or (``keep``) the community's own country. Returns the new end token."""
        if modifier is not None:
            base, iso, _, rule = self._source_country(modifier)
            c.base, c.country = base, iso
            c.rule.append(rule)
            return b
        located = self._attached_country(hm.end - 1, e)
        if located is not None and located[0] is not None:
            c.base, c.country = located[0], located[1]
            c.rule.append("attached")
            return max(b, located[3])
        located_in = self._sentence_location(s, e)
        if located_in is not None:
            c.base, c.country = located_in
            c.rule.append("location")
        elif not keep:
            c.base = c.country = None
        return b

    def _role_unit(self, a: int, b: int, hm: Match, role: Entry, s: int, e: int) -> None:
        """A unit headed by a role or sector word: "the police", "Chinese businesses"."""
        if role.kind == "thing" and role.sector is None:
            return  # "social media": no actor at all
        if role.role == "opposition" and hm.end < e and self.words[hm.end] in ("to", "from"):
            return  # "opposition to the plan": an objection, not the opposition
        mods = [m for m in self._matches_in(a, hm.start) if not self._pro_anti(m.start)]
        plural = "plural" in role.flags
        c = _Code(sector=role.sector, role=role.role)
        if role.code and role.kind == "agent":
            c.sector = role.sector or role.code[:3]
            if "prefix" in role.flags:
                c.prefix = role.code
            else:
                c.suffix = role.code[3:]
        collective = "generic" in role.flags or role.sector == "CVL"
        c.kind = {
            "person": "group" if plural else "person",
            "group": "group" if collective else "organisation",
        }.get(role.kind or "", "group")
        c.rule.append("kb:" + role.id)
        former = False
        mod_sectors: list[str] = []
        sources: list[Match] = []
        for m in mods:
            mrole = m.first("role")
            if self._country_source(m) and not (mrole is not None and m.has("org")):
                sources.append(m)
                sec = self._source_country(m)[2]
                if sec:
                    mod_sectors.append(sec)
            elif mrole is not None:
                if mrole.kind == "agent" and "prefix" in mrole.flags and mrole.code:
                    c.prefix = mrole.code + c.prefix  # "an MSF Arnor diplomat": NGOARNGOV
                elif mrole.kind == "modifier" and mrole.sector == "ELI":
                    former = True
                elif mrole.kind != "modifier" and mrole.sector:
                    mod_sectors.append(mrole.sector)
        if "weak" in role.flags and mod_sectors:
            mod = mod_sectors[-1]
            if not (mod == "GOV" and c.sector in ARMED_SECTORS):
                c.sector = mod
        elif "weak" in role.flags and role.kind == "group" and any(m.has(*ORGISH) for m in sources):
            c.sector = None  # "the UN agency", "the NATO mission": the organisation itself
        if former and role.kind == "person":
            c.sector = "ELI"
        elif former and role.kind == "agent":
            c.sector, c.suffix = "ELI", ""  # "former security officials" [~GOV]: ELI
        # coordinated country modifiers: "Hungarian and Romanian officials"
        country_sources = [m for m in sources if m.has(*COUNTRYISH)]
        if len(country_sources) >= 2 and self._coordinated(country_sources):
            members = []
            for m in country_sources:
                base, iso, _, rule = self._source_country(m)
                mc = _Code(base=base, country=iso, sector=c.sector, role=c.role, kind=c.kind)
                mc.rule = [rule, "kb:" + role.id]
                ma, mb = self._chars(m.start, m.end)
                members.append(_make_actor(self._text(m.start, m.end), ma, mb, mc))
            group = _Code(kind="group", sector=c.sector, role=c.role, rule=["coordination"])
            self._add(a, b, hm.end - 1, group, members)
            return
        end = b
        possessor = self._possessor(a)
        foreign = any(self.words[k] in FOREIGN_MODIFIERS for k in range(a, hm.start))
        local_ok = not (foreign or c.sector == "MIL" or self._is_diplomat(role))
        attached = self._attached_country(hm.end - 1, e, diplomat=not local_ok)
        sources = [m for m in sources if self._source_country(m)[0] is not None] or sources
        if sources and self._source_country(sources[-1])[0] is not None:
            chosen = next((m for m in reversed(sources) if self._possessive(m)), sources[-1])
            base, iso, _, rule = self._source_country(chosen)
            c.base, c.country = base, iso
            c.rule.append(rule)
        elif possessor is not None and (possessor.country or possessor.code):
            c.base = self._base_of(possessor)
            c.country = possessor.country
            c.rule.append("possessor")
        elif attached is not None and attached[0] is not None:
            c.base, c.country = attached[0], attached[1]
            c.rule.append("attached")
            end = max(b, attached[3])
        if (
            attached is not None
            and attached[2]
            and "weak" in role.flags
            and not mod_sectors
            and not (attached[2] == "GOV" and c.sector in ARMED_SECTORS)
        ):
            # "representatives of the business community", "Union of Teachers"
            c.sector = attached[2]
            end = max(b, attached[3])
        definite = (
            a < hm.start and self.words[a] in DEFINITE or any(self._possessive(m) for m in sources)
        )
        coref_ok = role.kind == "person" and not plural and (definite or c.base is not None)
        if coref_ok and self._title_coref(a, end, hm, role, c, definite):
            return
        if c.base is None and definite and c.sector in STATE_SECTORS and role.kind == "group":
            # "the government", "the army": the institution of the country in focus
            located = self._sentence_location(s, e)
            focus = located[1] if located else (self.state.latest_country() or self.home)
            if focus:
                c.base, c.country = self._country_code(focus), focus
                c.rule.append("focus")
        if c.base is None and definite and role.kind == "group" and not plural:
            antecedent = self._organisation_antecedent(c.sector)
            if antecedent is not None:
                copied = self._copy_person(antecedent, "coref:organisation")
                copied.kind, copied.role = antecedent.kind, c.role
                copied.sector = c.sector or antecedent.sector
                self._add(a, end, hm.end - 1, copied)
                return
        if c.base is None:
            if role.kind == "thing" or (role.kind == "group" and c.sector is None):
                return  # "warships" alone belong to nobody we know
            if c.sector == "NGO":
                # an international NGO: "NGO" is the code itself, not a sector of one
                c.base, c.sector = "NGO", None
            elif not self._is_diplomat(role):
                self._fallback_country(c, s, e, home="generic" not in role.flags)
            if c.base is None and "generic" in role.flags:
                return
        self._add(a, end, hm.end - 1, c)

    def _is_diplomat(self, role: Entry) -> bool:
        return any(p in DIPLOMAT_ROLES for p in (role.role or "").split())

    def _coordinated(self, ms: list[Match]) -> bool:
        for left, right in zip(ms, ms[1:], strict=False):
            between = self.words[left.end : right.start]
            if not between or any(w not in COORD for w in between):
                return False
        return True

    def _coordinate(self, first: int) -> None:
        """Merge "Kazakhstan and China" (adjacent conjoined non-person actors) into a group."""
        new = sorted(self.mentions[first:], key=lambda m: m.start)
        if len(new) < 2:
            return
        groups: list[list[Mention]] = []
        for m in new:
            if groups and self._conjoined(groups[-1][-1], m):
                groups[-1].append(m)
            else:
                groups.append([m])
        merged: list[Mention] = []
        for g in groups:
            if len(g) == 1:
                merged.append(g[0])
                continue
            # a name coded as several actors joins the group as those actors
            members = [a for x in g for a in (x.members if self._several(x) else [x.actor])]
            last, first_actor = members[-1], members[0]
            if (
                first_actor.sector
                and first_actor.role
                and "attached" in (first_actor.rule or "").split("+")
            ):
                # "officials in France and Germany": the officials of both countries
                members = [
                    first_actor,
                    *(
                        self._with_role(x, first_actor)
                        if x.sector is None
                        and (x.kind == "country" or (x.rule or "").startswith("kb:dict:"))
                        else x
                        for x in members[1:]
                    ),
                ]
            elif last.sector and last.role:
                # "Sierra Leonean and Liberian refugees": the role is shared
                members = [
                    self._with_role(x, last) if x.sector is None and x.kind == "country" else x
                    for x in members
                ]
            c = _Code(kind="group", rule=["coordination"])
            codes = {x.code for x in members}
            if len(codes) == 1:
                one = members[0]
                c.base, c.country, c.sector = one.code, one.country, None
            a, b = g[0].start, g[-1].end
            text = str(self.text[a:b])
            actor = _make_actor(text, a, b, c)
            if len(codes) == 1:
                actor.code = members[0].code
                actor.sector = members[0].sector
            merged.append(Mention(a, b, actor, g[0].head, members))
        self.mentions[first:] = merged

    @staticmethod
    def _several(m: Mention) -> bool:
        return bool(m.members) and "several" in (m.actor.rule or "").split("+")

    @staticmethod
    def _with_role(actor: Actor, model: Actor) -> Actor:
        code = (actor.code or "") + (model.sector or "") if actor.code else None
        rule = f"{actor.rule}+coordination" if actor.rule else "coordination"
        return replace(
            actor, code=code, sector=model.sector, role=model.role, kind=model.kind, rule=rule
        )

    def _conjoined(self, left: Mention, right: Mention) -> bool:
        if left.actor.kind == "person" or right.actor.kind == "person":
            return False
        if (
            (left.members and not self._several(left))
            or (right.members and not self._several(right))
            or left.actor.kind == "place"
            or right.actor.kind == "place"
        ):
            return False
        between = str(self.text[left.end : right.start]).split()
        if not between or any(
            w.lower() not in ("and", ",", "or", "&") and w not in (",",) for w in between
        ):
            return False
        if not {"and", "&", "or"} & {w.lower() for w in between}:
            return False
        if self.parsed:
            tok = self.tokens[right.head]
            return tok.dep_ == "conj" or self.tokens[left.head].dep_ == "conj"
        return True


__all__ = ["SECTORS", "ActorResolver", "Mention"]
