"""Coordination: adjacent conjoined actors ("Kazakhstan and China") become one group.

The merged mention keeps each conjunct as a member; a role shared by the conjuncts
("Sierra Leonean and Liberian refugees", "officials in France and Germany") is given to every
member.
"""

from __future__ import annotations

import re
from dataclasses import replace

from dateline.actors._doc import _DocView
from dateline.actors._records import Mention, _Code, _make_actor
from dateline.model import Actor

# Sectors of institutions a country adjective before a list of them qualifies as a whole
# ("Danish media and government"); not civilians or rebels, whom it need not qualify
# ("Kenyan police and protesters").
COUNTRY_SHARING_SECTORS = frozenset({"GOV", "MIL", "COP", "LEG", "JUD", "SPY", "MED"})
POSSESSIVE = re.compile(r"\w['’]s?\s")


class _Coordination(_DocView):
    """Rules that merge conjoined mentions of a sentence into group mentions."""

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
                # "officials in France and Germany": the officials of both countries;
                # "lawmakers and officials in France and Germany": each role of both
                roles = [first_actor]
                for x in members[1:]:
                    if not (
                        x.sector
                        and x.role
                        and x.country == first_actor.country
                        and "attached" in (x.rule or "").split("+")
                    ):
                        break
                    roles.append(x)
                members = [
                    *roles,
                    *(
                        shared
                        for x in members[len(roles) :]
                        for shared in (
                            [self._with_role(x, r) for r in roles]
                            if x.sector is None
                            and (x.kind == "country" or (x.rule or "").startswith("kb:dict:"))
                            else [x]
                        )
                    ),
                ]
            elif last.sector and last.role:
                # "Sierra Leonean and Liberian refugees": the role is shared
                members = [
                    self._with_role(x, last) if x.sector is None and x.kind == "country" else x
                    for x in members
                ]
            first_actor = members[0]
            first_rules = (first_actor.rule or "").split("+")
            # "Cameroon's poultry farmers and sellers": a possessive country owns every
            # conjunct, whatever its sector
            owned = bool(first_actor.sector) and POSSESSIVE.search(first_actor.text) is not None
            sharing = COUNTRY_SHARING_SECTORS if not owned else None
            if (
                self._base_before_sector(first_actor)
                and (sharing is None or first_actor.sector in sharing)
                and first_actor.kind != "person"
                and any(r.startswith(("kb:role:", "kb:agent:")) for r in first_rules)
                and "attached" not in first_rules
            ):
                # "Danish media and government", "the Kenyan police and military": the
                # country before the first institution is the others' too, when they are
                # bare institution words ("Cameroon and C.A.R. officials" are not Cameroon's)
                members = [
                    first_actor,
                    *(
                        self._with_country(x, first_actor)
                        if x.country is None
                        and x.code is None
                        and x.sector is not None
                        and (sharing is None or x.sector in sharing)
                        and x.kind not in ("person", "country")
                        and x.text.removeprefix("the ").islower()
                        else x
                        for x in members[1:]
                    ),
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

    def _base_before_sector(self, actor: Actor) -> str | None:
        """The country (or dictionary actor) code an institution's code starts with."""
        if actor.country:
            return self._country_code(actor.country)
        code, sector = actor.code or "", actor.sector or ""
        if sector and code.endswith(sector) and len(code) > len(sector):
            return code[: -len(sector)]  # an imported actor of no ISO country ("ZEMMED")
        return None

    def _with_country(self, actor: Actor, model: Actor) -> Actor:
        base = self._base_before_sector(model)
        rule = f"{actor.rule}+coordination" if actor.rule else "coordination"
        return replace(
            actor, code=f"{base}{actor.sector}" if base else None, country=model.country, rule=rule
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
        if any(a <= left.head < right.head < b for a, b in self.split_lists):
            return True  # conjuncts of one noun chunk the parser built across the list
        if not {"and", "&", "or"} & {w.lower() for w in between}:
            return False
        if self.parsed:
            tok = self.tokens[right.head]
            return tok.dep_ == "conj" or self.tokens[left.head].dep_ == "conj"
        return True
