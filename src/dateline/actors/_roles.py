"""Role and sector phrases: noun phrases headed by a role word ("the police", "Chinese
businesses", "the minister", "former security officials").

The head gives the sector and role; modifiers, a possessor, an attached phrase, coreference
or the sentence's setting give the country; coordinated country modifiers ("Hungarian and
Romanian officials") give one group mention with a member per country.
"""

from __future__ import annotations

from dateline.actors._coref import HEAD_OF_STATE_OFFICES, _Coreference, _proper
from dateline.actors._kb import Entry
from dateline.actors._match import Match
from dateline.actors._records import _Code, _make_actor
from dateline.actors._words import (
    ARMED_SECTORS,
    COUNTRYISH,
    DEFINITE,
    DIPLOMAT_ROLES,
    ORGISH,
    word_class,
)
from dateline.docmemo import children, rights
from dateline.model import Actor

COORD = word_class("coordinator")
# Sectors whose definite, country-less mention ("the army", "the government") means the
# institution of the country in focus.
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "LEG", "JUD", "SPY"})
# Modifiers saying that a force does not belong to the place it is in
# ("an international peacekeeping force in Liberia").
# How many sentences before the current one a weak state head ("the agency") looks back
# for the organisation it means before taking the country in focus.
RECENT_SENTENCES = 2
FOREIGN_MODIFIERS = word_class("foreign_modifier")
# Sectors a group takes from the person or body it is named by ("Putin loyalists" ->
# GOV, "the rebel leader's followers" -> REB): sides in politics or in a conflict.
SIDE_SECTORS = frozenset({"GOV", "MIL", "COP", "REB", "OPP", "PTY", "LEG", "JUD", "SPY", "IGO"})
# Members of a court's bench: "the International Court of Justice ruled ... *the judges*
# added" are that court's judges, not the country in focus.
BENCH_MEMBERS = word_class("bench_member")
# A state's standing body at an organisation ("his U.N. mission"): with a possessive pronoun
# the organisation is where it sits, the owner is whom it speaks for.
REPRESENTATIONS = word_class("representation_noun")
PREDETERMINERS = word_class("predeterminer")
COURT_KIND = "court"


class _RolePhrases(_Coreference):
    """Rules that code a noun phrase headed by a role or sector word."""

    def _role_unit(self, a: int, b: int, hm: Match, role: Entry, s: int, e: int) -> None:
        """A unit headed by a role or sector word: "the police", "Chinese businesses"."""
        if role.kind == "thing" and role.sector is None:
            return  # "social media": no actor at all
        if role.role == "opposition" and hm.end < e and self.words[hm.end] in ("to", "from"):
            return  # "opposition to the plan": an objection, not the opposition
        mods = [m for m in self._matches_in(a, hm.start) if not self._pro_anti(m.start)]
        if "mass" in role.flags and "plural" not in role.flags and self._bare(a, hm, mods):
            return  # "threatened to use (military) force", "share intelligence": no actor
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
        if not sources:
            sources.extend([m for m in mods if self._named_institution(m)][-1:])
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
        # a venue is no diplomat's and no met partner's country: "the envoy in Doha",
        # "talks with the rebels in Doha"
        local_ok = local_ok and not self._met_partner(hm.end - 1)
        attached = self._attached_country(hm.end - 1, e, diplomat=not local_ok)
        sources = [m for m in sources if self._source_country(m)[0] is not None] or sources
        hosted = self._hosted_post(a, hm.start, role, sources)
        if hosted is not None:
            c.base, c.country = self._base_of(hosted), hosted.country
            c.rule.append("pronoun-host")
        elif sources and self._source_country(sources[-1])[0] is not None:
            chosen = next((m for m in reversed(sources) if self._possessive(m)), sources[-1])
            base, iso, _, rule = self._source_country(chosen)
            c.base, c.country = base, iso
            c.rule.append(rule)
        elif possessor is not None and (possessor.country or possessor.code):
            c.base = self._base_of(possessor)
            c.country = possessor.country
            c.rule.append("possessor")
            if "side" in role.flags and not mod_sectors:
                # "Assad loyalists", "Netanyahu's staff": the group is on the side of the one
                # naming it, so it takes that actor's political or armed sector (a sitting
                # president's loyalists are pro-government), never a business or elite one
                c.sector = possessor.sector if possessor.sector in SIDE_SECTORS else None
        elif attached is not None and attached[0] is not None:
            c.base, c.country = attached[0], attached[1]
            c.rule.append("attached")
            if not self._conjoined_role_before(hm.end - 1, b, attached[3]):
                # "Lawmakers and officials in X": the phrase stops before "officials", which
                # attaches "in X" itself; coordination shares X
                end = max(b, attached[3])
        elif (owner := self._pronoun_owner(a, hm.end - 1)) is not None:
            c.base, c.country = self._base_of(owner), owner.country
            c.rule.append("pronoun")
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
        elif "member" in role.flags and not mod_sectors and (body := self._body(hm.end - 1)):
            # "a member of a Russian gang" belongs to what he is a member of: a body's
            # sector ("of Gbagbo's government"), a people's civilians ("of the Alawite
            # community"), or none for a body of no known sector, never the government
            c.sector = self._body_sector(*body)
        if (
            "weak" in role.flags
            and role.kind == "person"
            and c.sector == "GOV"
            and not mod_sectors
            and (c.base or "").startswith("NGO")
        ):
            c.sector = None  # "the head of Human Rights Watch" holds no government post
        # "both the council and ...": a predeterminer before the definite article
        first = a + 1 if a + 1 < hm.start and self.words[a] in PREDETERMINERS else a
        definite = (first < hm.start and self.words[first] in DEFINITE) or any(
            self._possessive(m) for m in sources
        )
        heads_body = self._heads_body(role, c, mod_sectors, attached)
        if heads_body:
            body_sectors = [*mod_sectors, attached[2] if attached is not None else None]
            c.sector = next((x for x in body_sectors if x not in (None, "GOV", "ELI")), c.sector)
            owner_roles = [
                r for m in mods if (r := m.first("role")) is not None and r.kind == "group"
            ]
            if c.base is None and owner_roles:
                # "the ICJ ... *the court's* president": the head of that international body
                start = self._chars(a, b)[0]
                international = self._international_antecedent(owner_roles[-1].role, start)
                if international is not None:
                    c.base, c.country = self._base_of(international), international.country
                    c.rule.append("coref:organisation")
        coref_ok = (
            role.kind == "person"
            and not plural
            and (definite or c.base is not None)
            and not heads_body
        )
        if coref_ok and self._title_coref(a, end, hm, role, c, definite):
            return
        weak = "weak" in role.flags
        if (
            c.base is None
            and definite
            and role.kind == "group"
            and not plural
            and c.sector in STATE_SECTORS
            and weak
        ):
            # "the agency", "the commission": an organisation just named (the UNICEF
            # director ... the agency) before the state bodies of the country in focus
            recent = self.state.sentence_starts[-1 - RECENT_SENTENCES :][0]
            start = self._chars(a, b)[0]
            since = self.tokens[recent].idx
            antecedent = self._organisation_antecedent(c.sector, c.role, start, since)
            named = self._international_antecedent(c.role, start)
            if named is not None and (antecedent is None or antecedent.role != c.role):
                # "the U.N. Security Council ... the council": the body whose name says
                # its kind, unless a phrase of the same head was just used for another
                antecedent = named
            if antecedent is not None:
                copied = self._organisation_copy(antecedent, c, weak) if antecedent.code else c
                self._add(a, end, hm.end - 1, copied)
                return
        if (
            c.base is None
            and definite
            and role.kind == "group"
            and not plural
            and (international := self._international_antecedent(c.role, self._chars(a, b)[0]))
        ):
            # "the International Court of Justice ... the court", "the U.N. agency ... the
            # agency": an international body of that kind just named, not the state's own
            copied = self._organisation_copy(international, c, weak)
            self._add(a, end, hm.end - 1, copied)
            return
        if (
            c.base is None
            and definite
            and plural
            and (named := self._plural_antecedent(c.role, self._chars(a, b)[0])) is not None
        ):
            # "NATO defence ministers met ... the ministers condemned": the group named
            c.base, c.country, c.sector = self._base_of(named), named.country, named.sector
            c.rule.append("coref:group")
            self._add(a, end, hm.end - 1, c)
            return
        if c.base is None and definite and plural and (court := self._bench_of(role, a, b)):
            self._add(a, end, hm.end - 1, self._organisation_copy(court, c, weak=False))
            return
        if c.base is None and definite and c.sector in STATE_SECTORS and role.kind == "group":
            # "the government", "the army": the institution of the country in focus
            located = self._sentence_location(s, e)
            focus = located[1] if located else (self.state.latest_country() or self.home)
            if focus:
                c.base, c.country = self._country_code(focus), focus
                c.rule.append("focus")
        if c.base is None and foreign and "generic" in role.flags:
            return  # "the international community": no one country's people
        if c.base is None and definite and role.kind == "group" and not plural:
            antecedent = None
            if not self._names_follow(hm.end) and not self._in_name(hm):
                start = self._chars(a, b)[0]
                antecedent = self._organisation_antecedent(c.sector, c.role, start)
            if antecedent is not None:
                copied = self._organisation_copy(antecedent, c, weak) if antecedent.code else c
                self._add(a, end, hm.end - 1, copied)
                return
        if c.base is None:
            if role.kind == "thing" or (role.kind == "group" and c.sector is None):
                return  # "warships" alone belong to nobody we know
            if c.sector == "NGO":
                # an international NGO: "NGO" is the code itself, not a sector of one
                c.base, c.sector = "NGO", None
            elif not self._is_diplomat(role):
                # the story's country for a national group ("militants", "government
                # troops"), never for one body pointed back at ("the company"), a body's
                # members ("members of his family"), beside a country that says otherwise
                # ("the U.S.-based lender") or beside a name we do not know ("Zemblan
                # officials")
                national = (
                    role.sector is not None
                    and "generic" not in role.flags
                    and "member" not in role.flags
                    and not foreign
                    and not (definite and role.kind == "group" and not plural)
                    and not any(m.has(*COUNTRYISH, *ORGISH) for m in mods)
                    and not any(w.endswith("-based") for w in self.words[a : hm.start])
                    and not any(
                        self._is_name_token(k) and self.match_at[k] is None
                        for k in range(a, hm.start)
                    )
                )
                self._fallback_country(
                    c, s, e, home=national, focus=national, venue=self._met_partner(hm.end - 1)
                )
            if c.base is None and "generic" in role.flags:
                return
        self._add(a, end, hm.end - 1, c)

    def _bench_of(self, role: Entry, a: int, b: int) -> Actor | None:
        """The international court whose bench "the judges" are, named before them."""
        head = (role.role or "").split()[-1:]
        if not head or head[0] not in BENCH_MEMBERS:
            return None
        return self._international_antecedent(COURT_KIND, self._chars(a, b)[0])

    def _plural_antecedent(self, role: str | None, before: int) -> Actor | None:
        """The coded plural group with the same role head named in the last sentences
        before character ``before`` ("NATO defence ministers ... the ministers")."""
        if role is None:
            return None
        recent = self.state.sentence_starts[-1 - RECENT_SENTENCES :][0]
        since = self.tokens[recent].idx
        for mention in sorted(self.mentions, key=lambda m: -m.start):
            if mention.start >= before or mention.members:
                continue
            if mention.start < since:
                return None
            actor = mention.actor
            plural = (actor.rule or "").split("+")[0].endswith(":pl")
            head = (actor.role or "").split()[-1:] == role.split()[-1:]
            if plural and head and actor.code is not None:
                return actor  # "defence ministers ... the ministers"
        return None

    def _conjoined_role_before(self, head: int, b: int, end: int) -> bool:
        """Whether a role word coordinated with ``head`` stands between the phrase's end
        ``b`` and the end of its attached post-modifier."""
        if not self.parsed:
            return False
        for k in range(b, end):
            tok = self.tokens[k]
            if tok.dep_ == "conj" and tok.head.i == head:
                m = self.match_at[k]
                role = m.first("role") if m is not None else None
                return bool(
                    role is not None and role.sector and role.kind in ("person", "group", "agent")
                )
        return False

    def _bare(self, a: int, hm: Match, mods: list[Match]) -> bool:
        """Is the phrase a bare noun, with no determiner, possessor, number or country or
        organisation modifier ("use *military force*", not "*the* force", "*a UN* force")?"""
        if any(self._country_source(m) for m in mods):
            return False
        before = self.tokens[a : hm.start] if self.parsed else []
        return all(t.dep_ in ("amod", "compound") and t.pos_ != "PROPN" for t in before) and (
            a == 0 or self.words[a - 1] not in ("'s", "'")
        )

    def _international_antecedent(self, role: str | None, before: int) -> Actor | None:
        """The latest international body (IGO) of the same kind ("court", "agency", "council")
        before character ``before``: named by a name that says its kind anywhere before,
        else described in the last sentences."""
        if role is None:
            return None
        recent = self.state.sentence_starts[-1 - RECENT_SENTENCES :][0]
        since = self.tokens[recent].idx
        for mention in reversed(self.mentions):
            actor = mention.actor
            if mention.start >= before or mention.members:
                continue
            if not (actor.code or "").startswith("IGO"):
                continue
            # "the International Court of Justice" is a court, "the U.N. refugee agency" an
            # agency: a body whose own name says its kind is meant however far back it was
            # named; one only described so ("a U.N. agency") in the last sentences
            named_kind = role.split()[-1] in (actor.text or "").lower().split()
            if named_kind and _proper(actor.text):
                return actor
            if mention.start >= since and (actor.role == role or named_kind):
                return actor
        return None

    @staticmethod
    def _heads_body(
        role: Entry,
        c: _Code,
        mod_sectors: list[str],
        attached: tuple[str | None, str | None, str | None, int] | None,
    ) -> bool:
        """Does a head-of-state title head some other body ("*the court's* president", "the
        leader *of the opposition in X*", "*Hamas's* leader", "the president of *X's
        Supreme Court*")? Then it is that body's head, never the country's office holder."""
        if role.kind != "person" or role.office not in HEAD_OF_STATE_OFFICES:
            return False
        body_sectors = [*mod_sectors, attached[2] if attached is not None else None]
        if any(sector not in (None, "GOV", "ELI") for sector in body_sectors):
            return True
        # a named body of a country ("Hamas": PSEREB), not the country or an IGO itself
        base = c.base or ""
        return len(base) > 3 and not base.startswith("IGO") and base[3:6] != "GOV"

    def _body(self, head: int) -> tuple[int, int] | None:
        """Tokens of the body named by "of" after a membership head ("members *of the
        ruling party*")."""
        if not self.parsed:
            return None
        for child in rights(self.tokens[head]):
            if child.dep_ == "prep" and self.words[child.i] == "of":
                for obj in children(child):
                    if obj.dep_ == "pobj":
                        return obj.left_edge.i, obj.i + 1
        return None

    def _body_sector(self, a: int, b: int) -> str | None:
        """The sector of the body in tokens [a, b) that someone is a member of: its head's
        mention if already coded ("Gbagbo's government"), its role or organisation word,
        or civilians for a people; none otherwise."""
        coded = self.mention_at.get(b - 1)
        if coded is not None and coded.actor.kind != "person" and not coded.members:
            return coded.actor.sector
        inside = self._matches_in(a, b)
        for m in reversed(inside):
            role = m.first("role")
            if role is not None and role.kind in ("group", "agent") and role.sector:
                return role.sector
            named = m.first("org", "institution", "group", "dict")
            if named is not None and not m.has(*COUNTRYISH):
                return self._entry_sector(named)
        if inside and inside[-1].has("ethnic", "people"):
            return "CVL"
        return None

    def _organisation_copy(self, antecedent: Actor, c: _Code, weak: bool) -> _Code:
        copied = self._copy_person(antecedent, "coref:organisation")
        copied.kind, copied.role = antecedent.kind, c.role
        # a weak head ("the agency") takes the organisation's own sector
        own = weak or (c.sector == "NGO" and (antecedent.code or "").startswith("NGO"))
        copied.sector = antecedent.sector if own else (c.sector or antecedent.sector)
        return copied

    def _in_name(self, hm: Match) -> bool:
        """ "the Special Services Group": a capitalised head after capitalised words is the
        end of a name we do not know, not a reference back."""
        i = hm.start
        return i > 0 and self._is_name_token(hm.end - 1) and self._is_name_token(i - 1)

    def _names_follow(self, i: int) -> bool:
        """ "the group 'Chagossian Voices'", "the organization Dog Rescue": a name right
        after the head introduces a new organisation instead of pointing back."""
        if i >= self.n:
            return False
        if self.words[i] in ('"', "“", "‘", "'"):
            return True
        return self._is_name_token(i) and self.match_at[i] is None

    def _hosted_post(self, a: int, head: int, role: Entry, sources: list[Match]) -> Actor | None:
        """ "his U.N. mission", "her UN ambassador": a post or mission at an organisation,
        owned through a possessive pronoun by a state's actor, speaks for that state (None
        unless every modifier is an organisation with no country)."""
        if not (self._is_diplomat(role) or (role.role or "") in REPRESENTATIONS):
            return None
        if not sources or any(self._source_country(m)[1] is not None for m in sources):
            return None
        if not all((self._source_country(m)[0] or "").startswith("IGO") for m in sources):
            return None
        owner = self._pronoun_owner(a, head)
        return owner if owner is not None and owner.country else None

    def _is_diplomat(self, role: Entry) -> bool:
        return any(p in DIPLOMAT_ROLES for p in (role.role or "").split())

    def _coordinated(self, ms: list[Match]) -> bool:
        for left, right in zip(ms, ms[1:], strict=False):
            between = self.words[left.end : right.start]
            if not between or any(w not in COORD for w in between):
                return False
        return True
