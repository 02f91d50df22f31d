"""Name phrases: noun phrases headed by a country, place, organisation or group name.

Countries and their adjectives, capitals (metonymy: "Beijing said") and other places,
communities ("ethnic Albanians in Macedonia"), organisations, and imported dictionary names
with their agents ("Bree President Romendacil") or several codes at once.
"""

from __future__ import annotations

from dateline.actors._context import _Context
from dateline.actors._kb import Entry
from dateline.actors._match import Match
from dateline.actors._records import _Code, _make_actor
from dateline.actors._words import COUNTRYISH, ORGISH

# Words allowed between "of" and the homeland's name ("the Kurds of the north of Iraq" is
# not one; "the Albanians of the region" has no name at all).
MAX_HOMELAND_GAP = 1


class _NamePhrases(_Context):
    """Rules that code a noun phrase headed by a knowledge-base name."""

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
            homeland = entry.type == "people" and self._of_homeland(hm, e)
            if entry.type == "people" and (ethnic or modifier is not None or homeland):
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
            elif self._destination(hm.end - 1):
                c.rule.append("destination")  # "his trip to Beijing": the country visited
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

    def _of_homeland(self, hm: Match, e: int) -> bool:
        """ "the Albanians of southern Serbia", "the Kurds of Iraq": a people followed by
        "of" and a country or place name is the community living there. A nationality
        after "of" ("Americans of Iraqi origin") is descent, not residence."""
        if hm.end >= e or self.words[hm.end] != "of":
            return False
        j = hm.end + 1
        while j < e and j - hm.end <= MAX_HOMELAND_GAP and self.match_at[j] is None:
            if self.surfaces[j][:1].isupper() and self.words[j] not in ("the",):
                return False
            j += 1
        m = self.match_at[j] if j < e else None
        while m is not None and not m.has("country", "place") and m.has("region", "adjective"):
            # "of southern Serbia": a direction word before the name
            m = self.match_at[m.end] if m.end < e else None
        return m is not None and m.has("country", "place") and not m.has("adjective", "people")

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
