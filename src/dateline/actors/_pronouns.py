"""Pronouns across sentences: who "he", "they" and a quoted "we" are; and names the
article codes only later.

The event coder resolves a pronoun to an actor named earlier in its own sentence. News
keeps its actors across sentences: "Japan's trade minister Ken Sato met ... *He* urged
New Delhi to ...", "NATO defence ministers met in Brussels ... *They* urged ...", and
inside a quotation "*we*" is the speaker's side ("'*We* will respond,' the minister said":
Japan's government). After every sentence has been resolved, a person first named with
no title takes the code a later mention with title and country gives the same name, and
a subject pronoun the actor it points back at, when its own sentence names none before it:

- "he"/"she": the person the nearest earlier sentence with a person is about (its subject
  if it has one, else the first person it names);
- "they": the nearest earlier plural subject (a coordination or a plural head noun);
- "it", as the subject of a body's act ("It issued a statement"): the nearest earlier
  subject that is one organisation or country;
- "I"/"we" inside a quotation: its speaker (the subject of the reporting verb outside the
  quotation, in the sentence or the next ones while the quotation runs on, else the
  speaker quoted in the sentence before); "we" is the body the speaker speaks for (a
  minister's government), and so is the owner of "our government", "our army" when no
  name in the phrase says whose;
- "they" inside a quotation of a state's official, when no plural actor is in reach: the
  state the nearest sentence naming one is about (its subject), unless the speaker's own.
"""

from __future__ import annotations

from dateline.actors._doc import _DocView
from dateline.actors._records import Mention, _Code, _make_actor
from dateline.actors._text import norm
from dateline.actors._words import word_class
from dateline.model import Actor

THIRD_PERSON = word_class("third_person_pronoun")
PLURAL = word_class("plural_pronoun")
NEUTER = word_class("neuter_pronoun")
# Verbs whose subject "it" is a body that acts, not a thing ("It issued a statement").
BODY_ACT_VERBS = word_class("body_act_verb")
BODY_KINDS = frozenset({"organisation", "country", "group"})
FIRST_PERSON_SINGULAR = word_class("first_person_singular_pronoun")
FIRST_PERSON_PLURAL = word_class("first_person_plural_pronoun")
FIRST_PERSON_POSSESSIVES = word_class("first_person_possessive")
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
PLURAL_TAGS = frozenset({"NNS", "NNPS"})
# Reporting verbs whose subject is the speaker of the quotation they attribute.
REPORTING_LEMMAS = word_class("reporting_lemma")
QUOTE_OPEN = frozenset({"“", "‘"})
QUOTE_CLOSE = frozenset({"”", "’"})
QUOTE_BOTH = frozenset({'"', "''", "``"})
# How many sentences back a pronoun may look for its antecedent, and ahead for the
# speaker of a quotation that runs on.
LOOK_BACK = 3
LOOK_AHEAD = 2
# Sectors of a state body a person speaks for: their "we" is that body's country.
STATE_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY"})
# Sectors of a side outside the state a person speaks for: their "we" is that side of their
# country (the opposition, a party, rebels, unions, business).
SIDE_SECTORS = frozenset({"OPP", "PTY", "REB", "LAB", "BUS"})


class _Pronouns(_DocView):
    """The cross-sentence pronoun pass, run after every sentence is resolved."""

    def _resolve_pronouns(self, sentences: list[tuple[int, int]]) -> None:
        if not self.parsed or len(sentences) < 1:
            return
        self._name_later_coded()
        quoted = self._quoted_tokens()
        # third persons first: "..., he said" may name the speaker of a quotation
        for k, (s, e) in enumerate(sentences):
            for i in range(s, e):
                word = self.words[i]
                if self.taken[i] or self.tokens[i].dep_ not in SUBJECT_DEPS:
                    continue
                if word in NEUTER and not self._body_act(i):
                    continue
                if word in THIRD_PERSON | PLURAL | NEUTER and not quoted[i]:
                    if self._antecedent_in_sentence(s, i, word, quoted):
                        continue
                    found = self._earlier(sentences, k, word, quoted)
                    if found is not None:
                        self._add_pronoun(i, found.actor, found.members, "coref:pronoun")
        speakers = [self._speaker_in(s, e, quoted) for s, e in sentences]
        for k, (s, e) in enumerate(sentences):
            for i in range(s, e):
                word = self.words[i]
                if self.taken[i] or self.tokens[i].dep_ not in SUBJECT_DEPS:
                    continue
                if word in FIRST_PERSON_SINGULAR | FIRST_PERSON_PLURAL and quoted[i]:
                    speaker = self._quote_speaker(speakers, k)
                    if speaker is None:
                        continue
                    actor = speaker.actor
                    if word in FIRST_PERSON_PLURAL and actor.kind == "person":
                        body = self._body_of(actor)
                        if body is None:
                            continue
                        self._add_pronoun(i, body, [], "coref:we")
                    else:
                        self._add_pronoun(i, actor, speaker.members, "coref:speaker")
        self._quoted_they_states(sentences, speakers, quoted)
        for mention in self.mentions:
            first = self._first_token(mention)
            if first is None or self.words[first] not in FIRST_PERSON_POSSESSIVES:
                continue
            if not quoted[first] or self._names_its_country(mention.actor):
                continue
            k = next(j for j, (s, e) in enumerate(sentences) if s <= first < e)
            speaker = self._quote_speaker(speakers, k)
            if speaker is not None:
                self._speakers_own(mention, speaker.actor)

    def _quoted_they_states(
        self,
        sentences: list[tuple[int, int]],
        speakers: list[Mention | None],
        quoted: list[bool],
    ) -> None:
        """A quoted "they" with no plural actor in reach is the state the quotation is
        about ("'There is room for Turkey to come back. They need to ...,' a U.S. official
        said"): news speakers call a foreign state or its government "they"."""
        for k, (s, e) in enumerate(sentences):
            for i in range(s, e):
                if self.taken[i] or not quoted[i] or self.words[i] not in PLURAL:
                    continue
                if self.tokens[i].dep_ not in SUBJECT_DEPS:
                    continue
                speaker = self._quote_speaker(speakers, k)
                own = self._state_spoken_for(speaker.actor) if speaker is not None else None
                if own is None:
                    continue
                state = self._salient_state(sentences, k, i, own)
                if state is not None:
                    self._add_pronoun(i, state.actor, [], "coref:they-state")

    @staticmethod
    def _state_spoken_for(speaker: Actor) -> str | None:
        """The country of a speaker that is a state or its official, whose "they" is
        another state. A commentator's or a citizen's "they" is as often people in
        general; and with no country, whose side "they" is not cannot be told."""
        if speaker.kind == "country" or speaker.sector in STATE_SECTORS:
            return speaker.country
        return None

    def _salient_state(
        self, sentences: list[tuple[int, int]], k: int, i: int, own: str
    ) -> Mention | None:
        """The state the nearest sentence naming one is about (its subject), this
        sentence before the pronoun first; none when a plural actor
        ("officials", "the two countries") is in reach, which "they" means instead, or
        when the nearest state is the speaker's own."""
        for j in range(k, max(k - LOOK_BACK, 0) - 1, -1):
            s, e = sentences[j]
            end = i if j == k else e
            mentions = [
                m
                for t in range(s, end)
                if (m := self.mention_at.get(t)) is not None and m.head == t
            ]
            if any(self._fits(m, "they") for m in mentions):
                return None
            states = [m for m in mentions if m.actor.kind == "country" and m.actor.code]
            if not states:
                continue
            subjects = [m for m in states if self.tokens[m.head].dep_ in SUBJECT_DEPS]
            # a state only named in passing ("a religion from Jamaica") is not what the
            # speaker talks about, and leaves a topic named further back in doubt
            if not subjects or subjects[0].actor.country == own:
                return None
            return subjects[0]
        return None

    def _name_later_coded(self) -> None:
        """A person named before the article gives their title and country ("Milorad
        Dodik" ... "Republika Srpska President Milorad Dodik"): every mention of that name
        takes the code the article gives it, when it gives one code only."""
        coded: list[tuple[frozenset[str], Actor]] = []
        uncoded: list[tuple[frozenset[str], Mention]] = []
        for mention in self.mentions:
            actor = mention.actor
            if actor.kind != "person" or mention.members:
                continue
            words = self._person_name_words(mention)
            if not words:
                continue
            if actor.code is None:
                uncoded.append((words, mention))
            else:
                name = frozenset(norm(w) for w in (actor.name or "").split())
                coded.append((words | name, actor))
        for words, mention in uncoded:
            codes = {a.code for named, a in coded if words <= named}
            if len(codes) != 1:
                continue
            actor = next(a for named, a in coded if words <= named)
            c = self._copy_person(actor, "coref:name")
            c.role = mention.actor.role or actor.role
            old = mention.actor
            mention.actor = _make_actor(old.text, old.start or 0, old.end or 0, c)

    def _person_name_words(self, mention: Mention) -> frozenset[str]:
        """The words of a person mention that are parts of a name, not of a title."""
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            return frozenset()
        return frozenset(
            self.words[t.i] for t in span if self._is_name_token(t.i) and self.match_at[t.i] is None
        )

    def _first_token(self, mention: Mention) -> int | None:
        tok = self.tokens[mention.head]
        for t in tok.subtree:
            if t.idx == mention.start:
                return int(t.i)
        return None

    @staticmethod
    def _names_its_country(actor: Actor) -> bool:
        """Was the phrase's code read off a name in it ("our *Kenyan* partners"), not
        inferred from the story's focus or home country?"""
        rules = (actor.rule or "").split("+")
        return any(r.startswith("kb:") and not r.startswith("kb:role:") for r in rules)

    def _speakers_own(self, mention: Mention, speaker: Actor) -> None:
        """ "our government", "our army" in a quotation: the speaker's side's."""
        body = self._body_of(speaker) if speaker.kind == "person" else speaker
        base = self._base_of(body) if body is not None else None
        if body is None or base is None:
            return
        actor = mention.actor
        c = _Code(
            base=base,
            country=body.country,
            sector=actor.sector,
            name=actor.name,
            role=actor.role,
            kind=actor.kind,
            rule=[r for r in (actor.rule or "").split("+") if r] + ["coref:our"],
        )
        mention.actor = _make_actor(actor.text, actor.start or 0, actor.end or 0, c)

    def _quoted_tokens(self) -> list[bool]:
        """Which tokens are inside a quotation; quotation marks never carry over a line
        break (a paragraph closes an unbalanced one)."""
        out = [False] * self.n
        inside = False
        for i, tok in enumerate(self.tokens):
            text = tok.text
            if "\n" in tok.whitespace_ or "\n" in text:
                out[i] = inside and text not in QUOTE_CLOSE | QUOTE_BOTH
                inside = False
                continue
            if text in QUOTE_OPEN:
                inside = True
            elif text in QUOTE_CLOSE:
                inside = False
            elif text in QUOTE_BOTH:
                inside = not inside
            else:
                out[i] = inside
        return out

    def _speaker_in(self, s: int, e: int, quoted: list[bool]) -> Mention | None:
        """The speaker a sentence quotes: the coded subject of its reporting verb, outside
        the quotation, when the sentence has a quotation."""
        if not any(quoted[s:e]):
            return None
        for i in range(s, e):
            tok = self.tokens[i]
            if quoted[i] or tok.dep_ not in SUBJECT_DEPS:
                continue
            if tok.head.lemma_.lower() not in REPORTING_LEMMAS or quoted[tok.head.i]:
                continue
            mention = self.mention_at.get(i)
            if mention is not None and (mention.actor.code or mention.members):
                return mention
        return None

    @staticmethod
    def _quote_speaker(speakers: list[Mention | None], k: int) -> Mention | None:
        """The speaker of the quotation at sentence ``k``: named there or in the next
        sentences while it runs on, else the one quoted in the sentence just before."""
        for j in range(k, min(k + LOOK_AHEAD + 1, len(speakers))):
            if speakers[j] is not None:
                return speakers[j]
        # a quotation with no speaker of its own goes on from the sentence just before
        return speakers[k - 1] if k > 0 else None

    def _antecedent_in_sentence(self, s: int, i: int, word: str, quoted: list[bool]) -> bool:
        """Does the sentence name, before the pronoun, an actor it can mean? (The event
        coder resolves those itself.) Not a name inside a quotation: the "he" of "'... the
        PNH is instructed ...,' he tweeted" is the speaker, whom the quotation does not
        name."""
        for k in range(s, i):
            mention = self.mention_at.get(k)
            if mention is not None and not quoted[mention.head] and self._fits(mention, word):
                return True
        return False

    def _fits(self, mention: Mention, word: str) -> bool:
        """Can the pronoun mean the mention (coded or not: "an analyst, John Smith, said
        he ..." is Smith, whom we cannot code, not someone named before)?"""
        actor = mention.actor
        if actor.kind == "place":
            return False
        if word in NEUTER:
            plural = self.tokens[mention.head].tag_ in PLURAL_TAGS
            return actor.kind in BODY_KINDS and not mention.members and not plural
        if word in THIRD_PERSON:
            ent = self.ent_at[mention.head]
            person = actor.kind == "person" or (ent is not None and ent.label_ == "PERSON")
            return person and not mention.members
        return bool(mention.members) or self.tokens[mention.head].tag_ in PLURAL_TAGS

    def _body_act(self, i: int) -> bool:
        """Is "it" at ``i`` the active subject of an act a body does ("It issued a
        statement", "It said"), not of a thing's or an impersonal verb ("It is clear", "It
        includes") or a passive one ("it was written")?"""
        tok = self.tokens[i]
        if tok.dep_ != "nsubj":
            return False  # "it was written by a woman": a thing something is done to
        lemma = str(tok.head.lemma_).lower()
        return tok.head.pos_ == "VERB" and (lemma in BODY_ACT_VERBS or lemma in REPORTING_LEMMAS)

    def _earlier(
        self, sentences: list[tuple[int, int]], k: int, word: str, quoted: list[bool]
    ) -> Mention | None:
        """The antecedent of a pronoun in the nearest earlier sentence naming one it can
        mean: its subject, else (for "he"/"she") the first person it names. Someone a
        quotation names comes after the actors outside it ("'... the PNH is instructed,' he
        tweeted. He was criticized": the speaker)."""
        for j in range(k - 1, max(k - LOOK_BACK, 0) - 1, -1):
            s, e = sentences[j]
            candidates: list[Mention] = []
            for i in range(s, e):
                mention = self.mention_at.get(i)
                if mention is not None and mention.head == i and self._fits(mention, word):
                    candidates.append(mention)
            if not candidates:
                continue
            candidates = [m for m in candidates if not quoted[m.head]] or candidates
            subjects = [m for m in candidates if self.tokens[m.head].dep_ in SUBJECT_DEPS]
            if word in PLURAL | NEUTER:
                chosen = subjects[0] if subjects else None
            else:
                chosen = (subjects or candidates)[0]
            if chosen is None or not (chosen.actor.code or chosen.members):
                return None  # the one meant is someone we cannot code
            return chosen
        return None

    def _body_of(self, person: Actor) -> Actor | None:
        """Whom a person's "we" means: a minister's government, an organisation's
        official's organisation."""
        base = self._base_of(person)
        if base is None:
            return None
        if person.country and person.sector in STATE_SECTORS:
            c = _Code(base=base, country=person.country, sector=person.sector, kind="country")
        elif person.country and person.sector in SIDE_SECTORS:
            # an opposition leader's or a rebel commander's "we": the side they lead
            c = _Code(base=base, country=person.country, sector=person.sector, kind="group")
        elif len(base) > 3:
            c = _Code(base=base, country=person.country, kind="organisation")
        else:
            return None
        return Actor(
            text=person.name or person.text,
            start=person.start,
            end=person.end,
            code=c.code(),
            country=c.country,
            sector=c.sector,
            kind=c.kind,
        )

    def _add_pronoun(self, i: int, actor: Actor, members: list[Actor], rule: str) -> None:
        base = self._base_of(actor)
        c = _Code(
            base=base,
            country=actor.country,
            sector=actor.sector,
            name=actor.name,
            role=actor.role,
            kind=actor.kind,
            rule=[rule],
        )
        self._add(i, i + 1, i, c, list(members))
