"""Title phrases around a person's name: role, country and sector of the title.

Scans left of a name for the title ("Kazakhstan's Foreign Minister", "the new Ambassador of
China to Kazakhstan", "the newspaper") or reads an appositive to its right ("X, Kazakhstan's
foreign minister,"), and analyses it into a ``_Zone``: the title entry, the role text, a
former-office marker, the sector, and the country or organisation the title belongs to.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from dateline.actors._doc import _DocView
from dateline.actors._kb import Entry
from dateline.actors._match import Match
from dateline.actors._words import (
    ARMED_SECTORS,
    COUNTRYISH,
    DIPLOMAT_ROLES,
    ORGISH,
    SUBUNIT_NOUNS,
    word_class,
)

# Lower-case words inside names ("Village de Dieu", "Ahmed al Sharaa").
NAME_PARTICLES = word_class("name_particle")
# Sectors of the state: a title "of" a body of these is a state post.
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG"})
# "the UN-appointed investigator", "a Kremlin-backed governor": participles after a hyphen
# that keep the appointing body in the title phrase
APPOINTED_BY = word_class("appointing_participle")

# Singular nouns naming an organisation, so that "the newspaper La Prensa" is one.
ORG_NOUNS = word_class("organisation_noun")


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
    # the sector came from a modifier of a weak title ("*executive* director"), not the title
    modifier_sector: bool = False
    rules: list[str] = field(default_factory=list)


class _Titles(_DocView):
    """Rules that find and analyse the title phrase of a name."""

    def _is_title(self, m: Match) -> bool:
        role = m.first("role")
        return (
            role is not None and role.kind in ("person", "honorific") and "plural" not in role.flags
        )

    def _title_zone(self, name_start: int, s: int) -> _Zone:
        i = name_start - 1
        best = name_start
        found_title = False
        if i - 1 >= s and self.words[i] == ",":
            # "then-president, Laurent Gbagbo": a title set off by a comma
            before = self.match_at[i - 1]
            if before is not None and self._is_title(before) and not self.taken[i - 1]:
                i -= 1
            elif self._titled_place_tail(i - 1, s):
                # "the U.N. envoy to Haiti, Jane Roe": the post's place closes the title
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
            if w == ")" and (opening := self._acronym_before(i, s)) is not None:
                i = opening - 1  # "Doctors Without Borders (MSF) Secretary General X"
                continue
            if found_title and best == i + 1 and self._portfolio_word(i):
                best = i  # "Indian *commerce* minister X": the portfolio is part of the title
                i -= 1
                continue
            if w in APPOINTED_BY and i - 1 >= s and self.words[i - 1] == "-":
                i -= 2  # "the U.N.-appointed rapporteur": the body that appointed him
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
            if self._is_name_token(i) and self.match_at[i] is None:
                ent = self.ent_at[i]
                if ent is None:
                    i -= 1  # words of a ministry's name: "Minister of Industry and Trade"
                    continue
                if ent.label_ == "ORG" and i + 1 < ent.end <= name_start and best < ent.end:
                    # "Cameroon *Livestock* Ministry official X": a word of the named body
                    # whose head is already in the title
                    i -= 1
                    continue
            break
        return self._analyse_zone(best, name_start)

    def _titled_place_tail(self, last: int, s: int) -> bool:
        """Does the phrase ending at ``last`` end "title to/in/for/of [the] place" (the
        post of "the U.N. envoy to Haiti, Jane Roe")? A place alone before a comma is more
        often a list or a dateline than a title."""
        m = self.match_at[last]
        if m is None or m.end != last + 1 or self.taken[last] or not m.has("country", "place"):
            return False
        k = m.start - 1
        if k >= s and self.words[k] == "the":
            k -= 1
        if k - 1 < s or self.words[k] not in ("to", "in", "for", "of"):
            return False
        title = self.match_at[k - 1]
        return title is not None and self._is_title(title) and not self.taken[k - 1]

    def _acronym_before(self, close: int, s: int) -> int | None:
        """The opening bracket of an acronym in brackets that ends at ``close`` and follows
        a named body or country ("the World Food Programme (WFP)"), else None."""
        opening = close - 2
        if opening - 1 < s or self.words[opening] != "(":
            return None
        acronym = self.surfaces[close - 1].replace(".", "")
        if not (acronym.isalpha() and acronym.isupper()):
            return None
        before = self.match_at[opening - 1]
        return opening if before is not None and before.has(*COUNTRYISH, *ORGISH) else None

    def _portfolio_word(self, i: int) -> bool:
        """A common noun modifying a title that the knowledge base does not list ("commerce"
        in "commerce minister", "fisheries" in "fisheries minister")."""
        tok = self.tokens[i]
        return (
            self.tagged
            and tok.tag_ in ("NN", "NNS")
            and tok.dep_ in ("compound", "amod", "nmod")
            and self.words[i].isalpha()
        )

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
        titled = False
        while k < e:
            w = self.words[k]
            m = self.match_at[k]
            if self.taken[k] or w == ",":
                break
            if w == "and" and titled:
                break  # "X, a lawmaker and former majority leader": the first title is his
            if m is not None and not m.has("person", "ref"):
                titled = titled or self._is_title(m)
                k = m.end
                continue
            if w in ("'s", "'", "-", "the", "a", "an", "of", "for", "in", "to", "and", "at"):
                k += 1
                continue
            if w in SUBUNIT_NOUNS and k + 1 < e and self.words[k + 1] == "of":
                k += 1  # "X, director of the Latin America bureau of Y"
                continue
            if w in NAME_PARTICLES and k > b + 1 and k + 1 < e and self._is_name_token(k + 1):
                k += 1  # "the Village de Dieu gang", "the Banque du Liban"
                continue
            modifier = self.tagged and (
                self.tokens[k].pos_ in {"ADJ", "ADV"} or self.tokens[k].dep_ in ("amod", "compound")
            )
            if modifier and not self._is_name_token(k):
                # "X, Algeria's *most prominent* human rights activist", "its *planning* minister"
                k += 1
                continue
            ent = self.ent_at[k]
            if self._is_name_token(k) and (ent is None or ent.label_ == "ORG"):
                k += 1  # words of an office's name: "the UN Emergency Relief Coordinator"
                continue
            break
        while k > b + 1 and self.match_at[k - 1] is None and self._is_name_token(k - 1):
            k -= 1  # a name after the title is another phrase ("X, the UN envoy John Smith")
        if k == b + 1:
            return None
        if k < e and self._is_name_token(k) and self._person_ent(k) and self.match_at[k] is None:
            # "Speaking alongside X, Balochistan Chief Minister Sarfraz Bugti said": a title
            # right before a person's name is that person's, not an apposition to X
            return None
        zone = self._analyse_zone(b + 1, k)
        if zone.title is None:
            return None
        return zone

    def _person_ent(self, k: int) -> bool:
        ent = self.ent_at[k]
        return ent is not None and ent.label_ == "PERSON"

    def _analyse_zone(self, zs: int, ze: int) -> _Zone:
        zone = _Zone(zs, ze)
        ms = self._matches_in(zs, ze)
        title_m: Match | None = None
        for m in ms:
            role = m.first("role")
            if (
                role is not None
                and role.kind in ("person", "agent")
                and "plural" not in role.flags
                and not self._inside_org_name(m)
            ):
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
                self.surfaces[j].lower()
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
                    zone.modifier_sector = True
            if any(self._former(j) for j in range(zs, title_m.start)):
                zone.former = True  # "a former White House coordinator"
            if zone.former and zone.title.kind == "person":
                zone.sector = "ELI"
                zone.role_text = "former " + (zone.role_text or "")
        self._zone_country(zone, ms, title_m)
        return zone

    def _body_of_post(self, a: int, b: int) -> tuple[str | None] | None:
        """The non-state body whose post a title after it names ("president of the Kenya
        Farmers Association", "head of Nigeria's largest labor union"), as its sector: that
        of a union, party or company, or of the members it names ("farmers": AGR), or none.
        None when the body is a state or none at all ("President of Kenya")."""
        heads = [
            r
            for m in self._matches_in(a, b)
            if (r := m.first("role")) is not None and r.kind in ("group", "person")
        ]
        bodies = [r for r in heads if r.kind == "group"]
        if not bodies or any(r.sector in STATE_SECTORS for r in bodies):
            return None
        own = [r.sector for r in bodies if r.sector]
        members = [r.sector for r in heads if r.kind == "person" and r.sector]
        sectors = own or members
        return (sectors[-1] if sectors else None,)

    def _inside_org_name(self, m: Match) -> bool:
        """A role word within an organisation's name ("the National *Graduate* Institute")
        is no title; one ending the name ("the UN Emergency Relief *Coordinator*") is."""
        ent = self.ent_at[m.start]
        return ent is not None and ent.label_ == "ORG" and m.end < ent.end

    def _names_place(self, j: int) -> bool:
        m = self.match_at[j]
        return m is not None and m.has(*COUNTRYISH, *ORGISH) and not m.has("role")

    def _former(self, j: int) -> bool:
        m = self.match_at[j]
        role = m.first("role") if m is not None else None
        return role is not None and role.kind == "modifier" and role.sector == "ELI"

    def _names_subunit(self, m: Match, end: int) -> bool:
        """Does the place or country ``m`` name a part of an organisation named after it
        ("the *Africa* desk of Human Rights Watch")?"""
        k = m.end
        return (
            k + 2 < end
            and self.words[k] in SUBUNIT_NOUNS
            and self.words[k + 1] == "of"
            and any(x.has(*ORGISH) for x in self._matches_from(k + 2, end))
        )

    def _zone_country(self, zone: _Zone, ms: list[Match], title_m: Match | None) -> None:
        title_start = title_m.start if title_m is not None else zone.end
        title_end = title_m.end if title_m is not None else zone.end
        pre = [m for m in ms if m.end <= title_start and self._country_source(m)]
        if not pre:
            pre = [m for m in ms if m.end <= title_start and self._named_institution(m)][-1:]
        post_of: Match | None = None
        post_at: Match | None = None
        post_in: Match | None = None
        k = title_end
        while k < zone.end:
            w = self.words[k]
            if w in ("of", "for", "to", "in", "from", "at"):
                j = k + 1
                while j < zone.end and self.words[j] in ("the", "a", "an"):
                    j += 1
                m = self.match_at[j] if j < zone.end else None
                if m is not None and w == "at" and m.has(*ORGISH):
                    # "a director at Human Rights Watch", "at the State Department": the
                    # employer
                    post_at = post_at or m
                    k = m.end
                    continue
                if m is not None and self._names_subunit(m, zone.end):
                    k = m.end  # "of the Latin America bureau of X": X's post
                    continue
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
        elif post_at is not None:
            chosen = post_at
        elif post_of is not None:
            chosen = post_of
        elif post_in is not None and not is_diplomat:
            chosen = post_in
        of_body = title_end < zone.end and self.words[title_end] in ("of", "for")
        body = self._body_of_post(title_end, zone.end) if of_body else None
        if of_body and zone.title is not None and "member" in zone.title.flags:
            # "a member of the upper house": a member has the sector of the body, state
            # bodies included (a legislator, not the government)
            bodies = [
                r.sector
                for m in self._matches_in(title_end, zone.end)
                if (r := m.first("role")) is not None and r.kind == "group" and r.sector
            ]
            if bodies and zone.sector != "ELI":
                zone.sector = bodies[-1]
        if body is not None and zone.sector != "ELI" and chosen in (post_of, None):
            # "president of the Kenya Farmers Association", "the leader of the Village de
            # Dieu gang": a post in a non-state body
            zone.sector = body[0]
        if chosen is None:
            return
        base, iso, sector, rule = self._source_country(chosen)
        zone.base, zone.country = base, iso
        zone.rules.append(rule)
        weak = zone.title is None or "weak" in zone.title.flags
        armed = sector == "GOV" and zone.sector in ARMED_SECTORS
        if sector and weak and not armed and zone.sector != "ELI":
            zone.sector = sector
        elif weak and zone.sector == "GOV" and base is not None and base.startswith("NGO"):
            zone.sector = None  # "a director at Human Rights Watch" holds no government post
        elif (
            weak
            and zone.modifier_sector
            and zone.title is not None
            and base is not None
            and base.startswith(("IGO", "NGO"))
        ):
            # "UNICEF's executive director": a rank within an international or aid
            # organisation, no business post; its staff are coded as the title is
            zone.sector = None if base.startswith("NGO") else zone.title.sector
