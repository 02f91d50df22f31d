"""People described in the story: a person the knowledge base does not know takes the code
of the description the article gives them anywhere, and every mention of that name keeps it.

The description is a coded role phrase tied to the name by the parse: an appositive ("Novak,
an Azerbaijani journalist,"; "a spokesman for the Kenyan foreign ministry, Peter Otieno,"),
a copula ("Hrabal is a Czech lawmaker"), a relative clause or a serving verb ("Kola, who
served as prime minister of Albania") or a time in office ("during his term as prime
minister of Albania"). A past office ("was", "served as", "his term as") is a former one
(ELI). Runs over the whole document once every sentence is resolved, so a description
given after the first mention codes the mentions before it too; names the tagger did not
take for people ("Dritan Kola" read as an organisation) become person mentions when the
story describes them.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from dateline.actors._doc import _DocView
from dateline.actors._records import Mention, _Code, _make_actor
from dateline.actors._words import DIPLOMAT_ROLES, word_class

# "during his *term* as prime minister of X"
OFFICE_TERMS = word_class("office_term_noun")
# "X, who *served* as prime minister"
SERVING_VERBS = word_class("serving_verb")
PAST_TAGS = frozenset({"VBD", "VBN"})
# Offices that become ELI (former elite) when the description puts them in the past.
OFFICE_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY"})
# Rules that code a person only by the story's setting, not by anything said of them: a
# description of the person replaces that code.
SETTING_RULES = frozenset({"focus", "focus:story", "home", "location"})
WEAK_RULES = SETTING_RULES | {"coref:name", "coref:alias"}
# A name of one word stands for the fuller name around it.
MIN_NAME_WORDS = 2
POSSESSIVE_PRONOUNS = frozenset({"his", "her"})


class _Name(NamedTuple):
    """A name in the text: its tokens, the person mention holding it (None for a run no
    rule took) and the words of the full name of the person it stands for."""

    start: int
    end: int
    mention: Mention | None
    person: frozenset[str]


class _DescribedPeople(_DocView):
    """The whole-document pass that codes people by the descriptions the story gives."""

    _person_words: frozenset[str] = frozenset()

    def _describe_people(self) -> None:
        if not self.parsed or self.phrase_mode:
            return
        self._person_words = frozenset(
            w for m in self.mentions if m.actor.kind == "person" for w in self._name_words_at(m)
        )
        names = self._name_occurrences()
        described: dict[frozenset[str], _Code] = {}
        for mention in sorted(self.mentions, key=lambda m: m.start):
            found = self._description_of(mention)
            if found is None:
                continue
            anchor, past = found
            who = next((n for n in names if n.start <= anchor < n.end), None)
            if who is None or (who.mention is not None and who.mention.actor.kind != "person"):
                continue
            c = self._described_code(mention.actor, past)
            described.setdefault(who.person, c)  # the first description the story gives
            if past:
                # "his term as prime minister of X" is his office then, not its holder now
                self._recode(mention, c, name=None)
        for name in names:
            if name.mention is not None and not self._weak(name.mention.actor):
                described.pop(name.person, None)  # the story titled the person: that stands
        full: dict[frozenset[str], str] = {}
        for name in names:
            if frozenset(self.words[name.start : name.end]) == name.person:
                full.setdefault(name.person, self._text(name.start, name.end))
        for name in names:
            given = described.get(name.person)
            if given is None:
                continue
            if name.mention is None:
                # a name the tagger did not take for a person's
                self._add(name.start, name.end, name.end - 1, _Code(
                    base=given.base, country=given.country, sector=given.sector,
                    role=given.role, name=self._text(name.start, name.end), kind="person",
                    rule=list(given.rule),
                ))  # fmt: skip
            elif self._recodable(name.mention.actor):
                # the name of the person the surname stands for, which later chains read
                self._recode(name.mention, given, name=full.get(name.person))

    def _name_occurrences(self) -> list[_Name]:
        """Every person mention's name and every run of capitalised words no rule took, in
        order, each with the full name it stands for: itself when it has two words or more,
        else the first fuller name of the story that contains it ("Novak" after "Marek
        Novak"): news names the person a surname stands for first, and spells out the
        full names of relatives and namesakes introduced later."""
        runs: list[tuple[int, int, Mention | None]] = []
        for mention in self.mentions:
            if mention.members or mention.actor.kind != "person":
                continue
            span = self._name_span(mention)
            if span is not None:
                runs.append((*span, mention))
        i = 0
        while i < self.n:
            k = i
            while k < self.n and self._free_name(k):
                k += 1
            if k > i:
                runs.append((i, k, None))
            i = max(k, i + 1)
        runs.sort(key=lambda r: r[0])
        words = [frozenset(self.words[a:b]) for a, b, _ in runs]
        names = []
        for k, (a, b, held) in enumerate(runs):
            own = words[k]
            person = own
            if len(own) < MIN_NAME_WORDS:
                fuller = [w for w in words if own < w]
                person = fuller[0] if fuller else own
            names.append(_Name(a, b, held, person))
        return names

    def _name_span(self, mention: Mention) -> tuple[int, int] | None:
        """Tokens of the name in a person mention (not its title words)."""
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            return None
        inside = [t.i for t in span if self._is_name_token(t.i) and self.match_at[t.i] is None]
        return (inside[0], inside[-1] + 1) if inside else None

    def _description_of(self, mention: Mention) -> tuple[int, bool] | None:
        """The name token a coded role phrase describes, and whether it is in the past."""
        actor = mention.actor
        tok = self.tokens[mention.head]
        if self._nationality(mention) and tok.dep_ in ("acomp", "attr") and tok.head.lemma_ == "be":
            return self._subject_of(tok.head)  # "Merov, who is Azerbaijani,"
        if (
            mention.members
            or actor.kind != "person"
            or actor.role is None
            or actor.code is None
            or self._name_words_at(mention)
            or self._posted_abroad(actor)
        ):
            return None  # a named person is described by nothing else here
        dep = tok.dep_
        if dep == "appos" and self._nameish(tok.head.i):
            return int(tok.head.i), False  # "Novak, an Azerbaijani journalist,"
        for child in tok.children:
            if child.dep_ == "appos" and self._nameish(child.i):
                return int(child.i), False  # "a spokesman for X, Peter Otieno,"
        if dep == "attr" and tok.head.lemma_ == "be":
            return self._subject_of(tok.head)  # "Hrabal is a Czech lawmaker"
        if dep == "pobj" and tok.head.lower_ == "as":
            owner = tok.head.head
            if owner.pos_ in ("VERB", "AUX") and owner.lemma_ in SERVING_VERBS:
                return self._subject_of(owner)  # "Kola, who served as prime minister"
            if owner.lemma_ in OFFICE_TERMS:
                return self._term_holder(owner)  # "during his term as prime minister"
        return None

    @staticmethod
    def _nationality(mention: Mention) -> bool:
        """A nationality adjective alone ("Azerbaijani"), not a country's name."""
        actor = mention.actor
        rules = (actor.rule or "").split("+")
        return (
            actor.kind == "country"
            and not mention.members
            and len(rules) == 1
            and rules[0].endswith(":adj")
        )

    @staticmethod
    def _posted_abroad(actor: Any) -> bool:
        """ "the special envoy for X": a role held towards a country names not the
        holder's own."""
        roles = set((actor.role or "").lower().split())
        return bool(roles & DIPLOMAT_ROLES) and "attached" in (actor.rule or "").split("+")

    def _subject_of(self, verb: Any) -> tuple[int, bool] | None:
        past = verb.tag_ in PAST_TAGS
        for child in verb.children:
            if child.dep_ not in ("nsubj", "nsubjpass"):
                continue
            if child.lower_ in ("who", "that") and verb.dep_ == "relcl":
                head = verb.head
                return (int(head.i), past) if self._nameish(head.i) else None
            return (int(child.i), past) if self._nameish(child.i) else None
        return None

    def _term_holder(self, term: Any) -> tuple[int, bool] | None:
        """Whose term: a name before "'s" ("Kola's term"), or for "his"/"her" the nearest
        person named before it in the sentence."""
        for child in term.children:
            if child.dep_ != "poss":
                continue
            if self._nameish(child.i):
                return int(child.i), True
            if child.lower_ not in POSSESSIVE_PRONOUNS:
                return None
            s, _ = self._sentence_of(child.i)
            for i in range(child.i - 1, s - 1, -1):
                held = self.mention_at.get(i)
                if held is not None and held.actor.kind == "person":
                    return held.head, True
                if held is None and self._nameish(i) and self.match_at[i] is None:
                    return i, True
        return None

    def _free_name(self, i: int) -> bool:
        return self._nameish(i) and self.match_at[i] is None and not self.taken[i]

    def _nameish(self, i: int) -> bool:
        """A name token, or a capitalised word of a person's name the tagger read as a
        common noun this time ("Mehdiyev, who is ...")."""
        return self._is_name_token(i) or (
            self.surfaces[i][:1].isupper() and self.words[i] in self._person_words
        )

    @staticmethod
    def _weak(actor: Any) -> bool:
        """Is the person coded by nothing said of them (setting, or a copy of that)?"""
        if actor.code is None:
            return True
        return set((actor.rule or "").split("+")) <= WEAK_RULES

    @staticmethod
    def _recodable(actor: Any) -> bool:
        """May a description replace the code? Not a copy of another mention's code."""
        return actor.code is None or set((actor.rule or "").split("+")) <= SETTING_RULES

    def _described_code(self, actor: Any, past: bool) -> _Code:
        sector = actor.sector if actor.kind == "person" else None
        past = past or "former" in (actor.text or "").lower().split()
        if past and sector in OFFICE_SECTORS:
            sector = "ELI"
        rules = [r for r in (actor.rule or "").split("+") if r and not r.startswith("leaders:")]
        return _Code(
            base=self._base_of(actor),
            country=actor.country,
            sector=sector,
            role=("former " + actor.role) if past and actor.role else actor.role,
            kind="person",
            rule=["described", *rules],
        )

    def _name_words_at(self, mention: Mention) -> frozenset[str]:
        span = self._name_span(mention)
        return frozenset(self.words[span[0] : span[1]]) if span else frozenset()

    @staticmethod
    def _recode(mention: Mention, c: _Code, name: str | None) -> None:
        old = mention.actor
        code = _Code(
            base=c.base, country=c.country, sector=c.sector, role=old.role or c.role,
            name=name, kind="person", rule=list(c.rule),
        )  # fmt: skip
        mention.actor = _make_actor(old.text, old.start or 0, old.end or 0, code)
