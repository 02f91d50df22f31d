"""Short forms a story gives a body: "the Wildlife Authority, or WA," and "the Wildlife
Authority (WA)" make a later "WA" the same actor as the body it follows."""

from __future__ import annotations

from functools import cached_property

from dateline.actors._doc import _DocView
from dateline.actors._records import _Code

# The fewest and most letters of a short form: "EU" to "UNHCR"-like names.
MIN_LETTERS = 2
MAX_LETTERS = 8


def _short_form(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return (
        MIN_LETTERS <= len(letters) <= MAX_LETTERS
        and sum(ch.isupper() for ch in letters) >= MIN_LETTERS
        and text[:1].isupper()
        and all(ch.isalnum() or ch in ".-" for ch in text)
    )


class _Acronyms(_DocView):
    """Learns the short forms the story introduces and codes their later uses."""

    def _learn_short_forms(self, before: int) -> None:
        """Note the short form introduced right after each coded mention from
        ``self.mentions[before:]``: "X, or XA," or "X (XA)"."""
        ends = self._token_ends
        for mention in self.mentions[before:]:
            k = ends.get(mention.end)
            if k is None or not mention.actor.code or mention.members:
                continue
            after = self.surfaces[k + 1 : k + 4]
            if len(after) >= 3 and after[0] == "(" and after[2] == ")":
                form = after[1]
            elif len(after) >= 3 and after[0] == "," and after[1] == "or":
                form = after[2]
            else:
                continue
            if _short_form(form) and form not in self.state.short_forms:
                self.state.short_forms[form] = mention.actor

    @cached_property
    def _token_ends(self) -> dict[int, int]:
        """Each token's index by the character offset where it ends (asked once per sentence,
        the same for the whole document)."""
        return {self.tokens[k].idx + len(self.surfaces[k]): k for k in range(self.n)}

    def _short_form_mentions(self, s: int, e: int) -> None:
        """Code each later use of a short form the story introduced as its body."""
        for k in range(s, e):
            actor = self.state.short_forms.get(self.surfaces[k])
            if actor is None or self.taken[k]:
                continue
            if self.parsed and self.tokens[k].dep_ == "compound":
                continue  # "NIS officers": the phrase it modifies is coded as a whole
            base = self._base_of(actor)
            c = _Code(
                base=base, country=actor.country, sector=actor.sector, name=actor.name,
                role=actor.role, kind=actor.kind, rule=["coref:short_form"],
            )  # fmt: skip
            start = k - 1 if k > s and self.words[k - 1] == "the" else k
            self._add(start, k + 1, k, c)
