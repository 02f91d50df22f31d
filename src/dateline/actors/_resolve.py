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
from dataclasses import dataclass, field, replace
from typing import Any

from dateline.actors._discourse import _PersonRef
from dateline.actors._doc import _DocView
from dateline.actors._kb import SECTORS, Entry, KnowledgeBase, Person, Term
from dateline.actors._match import Match
from dateline.actors._records import Mention, _Code, _make_actor
from dateline.actors._text import norm
from dateline.actors._words import (
    ARMED_SECTORS,
    ATTACH_PREPS,
    CALENDAR,
    COUNTRYISH,
    DEFINITE,
    DIPLOMAT_ROLES,
    ORGISH,
)
from dateline.model import Actor

# Prepositions after which a city or capital is a place, not a metonymic actor
# ("in Beijing" vs "Beijing said"; CAMEO codes capitals as GOV only as arguments).
LOCATIVE_PREPS = frozenset(
    {"in", "at", "near", "from", "to", "into", "inside", "outside", "around", "across"}
    | {"throughout", "within", "toward", "towards", "through", "via", "onto", "along", "off"}
    | {"over", "under", "beyond", "outskirts"}
)
COORD = frozenset({"and", ",", "or", "&", "as well as"})
OFFICE_RANK = {"hos": 0, "hog": 1, "fm": 2, "sg": 3, "other": 4}
HEAD_OF_STATE_OFFICES = frozenset({"hos", "hog", "fm", "leader", "sg"})
# Singular nouns naming an organisation, so that "the newspaper La Prensa" is one.
ORG_NOUNS = frozenset(
    {"newspaper", "company", "firm", "group", "party", "agency", "organization", "movement"}
    | {"organisation", "broadcaster", "bank", "airline", "charity", "watchdog", "militia"}
    | {"faction", "university", "think tank", "rights group", "news agency", "carmaker"}
)
# Sectors whose definite, country-less mention ("the army", "the government") means the
# institution of the country in focus.
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "LEG", "JUD", "SPY"})
# Words that make a PERSON entity a storm, not a person ("Cyclone Jude").
NOT_PEOPLE = frozenset({"cyclone", "cyclones", "hurricane", "typhoon", "storm", "tropical"})
# Titles that name an office whoever holds it; "emir" or "king" must match the holder's role.
GENERIC_OFFICES = frozenset(
    {"leader", "head of state", "head of government", "president", "prime minister"}
    | {"premier", "foreign minister", "secretary-general", "director-general"}
)
# Modifiers saying that a force does not belong to the place it is in
# ("an international peacekeeping force in Liberia").
FOREIGN_MODIFIERS = frozenset({"international", "foreign", "multinational", "multi-national"})
LOCATION_PREPS = frozenset({"in", "at", "near", "across", "throughout", "inside", "within"})


@dataclass(slots=True)
class _Zone:
    """The title phrase around a name."""

    start: int
    end: int
    title: Entry | None = None
    role_text: str | None = None
    honorific: bool = False
    former: bool = False
    sector: str | None = None
    base: str | None = None
    country: str | None = None
    org_rule: str | None = None
    destination: str | None = None
    rules: list[str] = field(default_factory=list)


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


class _DocResolver(_DocView):
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
        spans.sort()
        return spans

    def _is_title(self, m: Match) -> bool:
        role = m.first("role")
        return (
            role is not None and role.kind in ("person", "honorific") and "plural" not in role.flags
        )

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
            or not self.tokens[b - 1].text.strip()
        ):
            b -= 1
        while b > a and not any(c.isalpha() for c in self.tokens[b - 1].text):
            b -= 1
        if a < b and (
            self.words[a] in NOT_PEOPLE
            or not any(self.tokens[k].text[:1].isupper() for k in range(a, b))
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
        if self._any_taken(a, b):
            return
        zone = self._title_zone(a, s)
        apps = None
        if zone.title is None:
            apps = self._appositive(b, e)
        info = apps if apps is not None and apps.title is not None else zone
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
        c = self._person_code(a, b, info)
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
        if apps is not None and apps.title is not None:
            self._take(apps.start, apps.end)
        self.state.persons.append(
            _PersonRef(
                frozenset(self._name_words(a, b) | self._name_words_of(c.name)),
                self.mentions[-1].actor,
            )
        )

    def _name_words(self, a: int, b: int) -> set[str]:
        return {w for w in self.words[a:b] if any(ch.isalpha() for ch in w) and w not in ("-",)}

    @staticmethod
    def _name_words_of(name: str | None) -> set[str]:
        if not name:
            return set()
        return {norm(w) for w in name.replace("-", " ").split() if any(ch.isalpha() for ch in w)}

    def _title_zone(self, name_start: int, s: int) -> _Zone:
        i = name_start - 1
        best = name_start
        found_title = False
        if i - 1 >= s and self.words[i] == ",":
            # "then-president, Laurent Gbagbo": a title set off by a comma
            before = self.match_at[i - 1]
            if before is not None and self._is_title(before) and not self.taken[i - 1]:
                i -= 1
        while i >= s:
            if self.taken[i]:
                break
            m = self.match_at[i]
            w = self.words[i]
            if m is not None:
                if m.has("person") or m.has("ref"):
                    break
                role = m.first("role")
                if role is not None and role.kind in ("person", "honorific", "agent"):
                    found_title = True
                    best = m.start
                elif (
                    role is not None
                    and role.kind == "group"
                    and m.end == name_start
                    and "plural" not in role.flags
                    and (role.role or "") in ORG_NOUNS
                ):
                    found_title = True  # "the newspaper La Prensa"
                    best = m.start
                elif (role is not None or m.has(*COUNTRYISH, *ORGISH)) and (
                    found_title or m.end == name_start or best == m.end
                ):
                    best = m.start
                i = m.start - 1
                continue
            if w in ("'s", "'", "-"):
                i -= 1
                continue
            if w in ("the", "a", "an"):
                if found_title or best == i + 1:
                    best = i
                break
            if w in ("of", "for", "to", "in", "and"):
                if not self._zone_connector(i):
                    break
                i -= 1
                continue
            if self._is_name_token(i) and self.ent_at[i] is None and self.match_at[i] is None:
                i -= 1  # words of a ministry's name: "Minister of Industry and Trade"
                continue
            break
        return self._analyse_zone(best, name_start)

    def _zone_connector(self, i: int) -> bool:
        """May a title phrase run on through "of"/"to"/"and" at ``i``, scanning leftwards?"""
        if i == 0:
            return False
        left = self.match_at[i - 1]
        role = left.first("role") if left is not None else None
        if role is not None and ("plural" in role.flags or role.kind in ("group", "thing")):
            return False  # "supporters of President X", "the government of President X"
        if self.words[i] == "and":
            # only inside a ministry's name: "Minister of Industry and Trade"
            right_ok = (
                i + 1 < self.n and self._is_name_token(i + 1) and self.match_at[i + 1] is None
            )
            left_ok = self._is_name_token(i - 1) and left is None
            return right_ok and left_ok
        return True

    def _appositive(self, b: int, e: int) -> _Zone | None:
        """ "Kairat Abdrakhmanov, Kazakhstan's foreign minister, said": the title after."""
        if b >= e or self.words[b] != ",":
            return None
        k = b + 1
        while k < e:
            w = self.words[k]
            m = self.match_at[k]
            if self.taken[k] or w == ",":
                break
            if m is not None and not m.has("person", "ref"):
                k = m.end
                continue
            if w in ("'s", "'", "-", "the", "a", "an", "of", "for", "in", "to", "and"):
                k += 1
                continue
            break
        if k == b + 1:
            return None
        zone = self._analyse_zone(b + 1, k)
        if zone.title is None:
            return None
        return zone

    def _analyse_zone(self, zs: int, ze: int) -> _Zone:
        zone = _Zone(zs, ze)
        ms = self._matches_in(zs, ze)
        title_m: Match | None = None
        for m in ms:
            role = m.first("role")
            if role is not None and role.kind in ("person", "agent") and "plural" not in role.flags:
                title_m = m
            if role is not None and role.kind == "honorific":
                zone.honorific = True
        last = ms[-1] if ms else None
        last_role = last.first("role") if last is not None else None
        if (
            title_m is None
            and last is not None
            and last_role is not None
            and last_role.kind == "group"
            and last.end == ze
            and "plural" not in last_role.flags
            and (last_role.role or "") in ORG_NOUNS
        ):
            title_m = last
        if title_m is not None:
            zone.title = title_m.first("role")
        # role text: the run of role and modifier words ending at the title
        if title_m is not None and zone.title is not None:
            rs = title_m.start
            k = title_m.start - 1
            modifier_sectors: list[str] = []
            while k >= zs:
                here = self.match_at[k]
                if here is None:
                    if self.words[k] in ("-", "'s", "'"):
                        k -= 1
                        continue
                    break
                role = here.first("role")
                if role is None and here.has(*COUNTRYISH):
                    k = here.start - 1  # "former Syrian president"
                    continue
                if role is None or role.kind == "honorific":
                    inst = here.first(*ORGISH)
                    if inst is not None:
                        sec = self._entry_sector(inst)
                        if sec:
                            modifier_sectors.append(sec)
                    break
                if role.kind == "modifier":
                    if role.sector == "ELI":
                        zone.former = True
                elif role.sector:
                    modifier_sectors.append(role.sector)
                rs = here.start
                k = here.start - 1
            words = [
                self.tokens[j].text.lower()
                for j in range(rs, title_m.end)
                if not self._former(j) and not self._names_place(j)
            ]
            zone.role_text = " ".join(w for w in words if w not in ("-",)) or zone.title.role
            if zone.role_text and zone.role_text.replace(" - ", "-") != zone.role_text:
                zone.role_text = zone.role_text.replace(" - ", "-")
            zone.sector = zone.title.sector
            if "weak" in zone.title.flags and modifier_sectors:
                mod = modifier_sectors[0]
                if not (mod == "GOV" and zone.sector in ARMED_SECTORS):
                    zone.sector = mod
            if zone.former and zone.title.kind == "person":
                zone.sector = "ELI"
                zone.role_text = "former " + (zone.role_text or "")
        self._zone_country(zone, ms, title_m)
        return zone

    def _names_place(self, j: int) -> bool:
        m = self.match_at[j]
        return m is not None and m.has(*COUNTRYISH, *ORGISH) and not m.has("role")

    def _former(self, j: int) -> bool:
        m = self.match_at[j]
        role = m.first("role") if m is not None else None
        return role is not None and role.kind == "modifier" and role.sector == "ELI"

    def _zone_country(self, zone: _Zone, ms: list[Match], title_m: Match | None) -> None:
        title_start = title_m.start if title_m is not None else zone.end
        title_end = title_m.end if title_m is not None else zone.end
        pre = [m for m in ms if m.end <= title_start and self._country_source(m)]
        post_of: Match | None = None
        post_in: Match | None = None
        k = title_end
        while k < zone.end:
            w = self.words[k]
            if w in ("of", "for", "to", "in", "from"):
                j = k + 1
                while j < zone.end and self.words[j] in ("the", "a", "an"):
                    j += 1
                m = self.match_at[j] if j < zone.end else None
                if m is not None and self._country_source(m):
                    if w in ("of", "for", "from") and post_of is None:
                        post_of = m
                    elif w == "to":
                        zone.destination = self._source_country(m)[1]
                    elif w == "in" and post_in is None:
                        post_in = m
                    k = m.end
                    continue
            k += 1
        is_diplomat = zone.title is not None and any(
            part in DIPLOMAT_ROLES for part in (zone.title.role or "").split()
        )
        chosen: Match | None = None
        igo = next((m for m in pre if m.has("org")), None)
        countries = [m for m in pre if not m.has("org")]
        if zone.title is not None and zone.title.office == "sg" and igo is not None:
            chosen = igo
        elif countries:
            chosen = countries[-1]
        elif igo is not None:
            chosen = igo
        elif post_of is not None:
            chosen = post_of
        elif post_in is not None and not is_diplomat:
            chosen = post_in
        if chosen is None:
            return
        base, iso, sector, rule = self._source_country(chosen)
        zone.base, zone.country = base, iso
        zone.rules.append(rule)
        weak = zone.title is None or "weak" in zone.title.flags
        armed = sector == "GOV" and zone.sector in ARMED_SECTORS
        if sector and weak and not armed and zone.sector != "ELI":
            zone.sector = sector

    def _person_code(self, a: int, b: int, zone: _Zone) -> _Code:
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
        if antecedent is not None:
            ant = antecedent.actor
            antecedent.count += 1
            copied = self._copy_person(ant, "coref:name")
            copied.role = c.role or ant.role
            return copied
        if zone.title is not None:
            c.sector = zone.sector
            is_diplomat = any(p in DIPLOMAT_ROLES for p in (zone.title.role or "").split())
            if not is_diplomat:
                self._fallback_country(c, *self._sentence_of(a))
        return c

    def _kb_person(self, a: int, b: int) -> Person | None:
        candidates: list[Person] = []
        for m in self._matches_in(a, b):
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

    def _dateline(self, a: int, b: int) -> bool:
        """ "ASTANA (TCA) —": an upper-case place opening a line is the dateline."""
        if not all(t.isupper() for t in self.surfaces[a:b] if any(ch.isalpha() for ch in t)):
            return False
        starts_line = (
            a == 0 or "\n" in self.surfaces[a - 1] or "\n" in self.tokens[a - 1].whitespace_
        )
        follows = self.words[b] if b < self.n else ""
        return starts_line and follows in ("(", ",", "-", "—", "–", ":")

    def _metonymic(self, i: int) -> bool:
        """Is a capital here an actor ("Beijing said") rather than a place ("in Beijing")?"""
        if self.phrase_mode:
            return not (i > 0 and self.words[0] in LOCATIVE_PREPS)
        prep = self._governing_prep(i)
        return prep is None or prep not in LOCATIVE_PREPS

    def _attached_country(
        self, head: int, e: int, *, diplomat: bool = False
    ) -> tuple[str | None, str | None, str | None, int] | None:
        """A country or organisation in a post-modifier: "rebels in Darfur", "President of X".

        Returns base code, ISO3, the sector of the attached phrase's own head (for weak
        heads: "representatives of the business community" -> BUS) and the end token.
        """
        preps = ATTACH_PREPS - {"in", "at", "within", "inside"} if diplomat else ATTACH_PREPS
        spans: list[tuple[int, int]] = []
        if self.parsed:
            for child in self.tokens[head].rights:
                if child.dep_ == "prep" and norm(child.text) in preps:
                    for obj in child.children:
                        if obj.dep_ == "pobj":
                            # the object noun phrase, not its relative clauses; one
                            # nested "of"/"in" ("the United Bus Company of Tehran")
                            end_i = obj.i + 1
                            for grand in obj.rights:
                                if grand.dep_ == "prep" and norm(grand.text) in ("of", "in"):
                                    for inner in grand.children:
                                        if inner.dep_ == "pobj":
                                            end_i = inner.i + 1
                            spans.append((obj.left_edge.i, end_i))
        if not spans and head + 1 < e and self.words[head + 1] in preps:
            # no (or a different) attachment in the parse: take the adjacent phrase
            k = head + 2
            while k < e and (self.words[k] in ("the", "a", "an", "'s") or self.match_at[k]):
                k = self.match_at[k].end if self.match_at[k] else k + 1  # type: ignore[union-attr]
            spans.append((head + 2, k))
        for a, b in spans:
            if b > e or a >= b or self._any_taken(a, b):
                continue
            sector = None
            for m in self._matches_in(a, b):
                role = m.first("role")
                if role is not None and role.kind in ("person", "group", "agent") and role.sector:
                    sector = role.sector
            for m in self._matches_in(a, b):
                if self._country_source(m) and not self._pro_anti(m.start):
                    base, iso, implied, _ = self._source_country(m)
                    if base is not None:
                        return base, iso, sector or implied, b
            if sector is not None:
                return None, None, sector, b
        return None

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

    def _fallback_country(self, c: _Code, s: int, e: int, *, home: bool = True) -> None:
        """No country in the phrase: a place the sentence is set in, else the home country."""
        located = self._sentence_location(s, e)
        if located is not None:
            c.base, c.country = located
            c.rule.append("location")
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

    def _sentence_location(self, s: int, e: int) -> tuple[str | None, str] | None:
        for m in self._matches_from(s, e):
            if not s <= m.start < e:
                continue
            entry = m.first("place", "country")
            if entry is None or entry.country is None:
                continue
            if self._governing_prep(m.end - 1) in LOCATION_PREPS:
                iso = entry.country
                if entry.type == "place":
                    iso = self.kb.country_at(iso, self.when) or iso
                return self._country_code(iso), iso
        return None

    def _organisation_antecedent(self, sector: str | None) -> Actor | None:
        """ "the terror group", "the company": the last organisation of that sector."""
        for mention in reversed(self.mentions):
            actor = mention.actor
            if actor.kind not in ("organisation", "group") or actor.code is None:
                continue
            if mention.members:
                continue
            if sector is None or actor.sector == sector:
                return actor
        return None

    def _possessor(self, a: int) -> Actor | None:
        """ "Zoran Djindjic's opposition coalition": the actor owning the phrase at ``a``."""
        if a >= 2 and self.words[a - 1] in ("'s", "'") and (a - 2) in self.mention_at:
            return self.mention_at[a - 2].actor
        return None

    def _is_diplomat(self, role: Entry) -> bool:
        return any(p in DIPLOMAT_ROLES for p in (role.role or "").split())

    def _coordinated(self, ms: list[Match]) -> bool:
        for left, right in zip(ms, ms[1:], strict=False):
            between = self.words[left.end : right.start]
            if not between or any(w not in COORD for w in between):
                return False
        return True

    def _title_coref(
        self, a: int, b: int, hm: Match, role: Entry, c: _Code, definite: bool
    ) -> bool:
        """ "the minister", "the Kazakh President" -> a person the article introduced, or the
        office holder at ``when`` from the leaders list."""
        head_word = (role.role or "").split()[-1] if role.role else ""
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

    def _holds_role(self, person: Person, role: Entry) -> bool:
        wanted = (role.role or "").lower()
        return any(
            t.role.lower() == wanted
            for t in person.terms
            if (t.covers(self.when) if self.when else t.end is None)
        )

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
