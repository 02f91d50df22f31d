"""Actors in phrases: what the phrase headed by a token denotes.

Shared by the source finder (``_sources.py``) and the target finder (``_targets.py``):
``PhraseReader.actors_at`` gives the actors of a phrase (its conjuncts, its "of" object, a
mention inside the noun phrase, a pronoun's antecedent in the sentence), with the small
predicates both finders ask of an actor (a city, a part of the source, the same actor)."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Protocol

from spacy.tokens import Span, Token

from dateline.codebook import (
    CONSULT_ROOT,
    DIPLOMATIC_COOPERATION_ROOT,
    FORCE_POSTURE_ROOT,
    MATERIAL_COOPERATION_ROOT,
)
from dateline.docmemo import children, head_of, sentence_of, token_starts
from dateline.events import syntax
from dateline.events._words import word_class
from dateline.events.lexicon import TriggerRule
from dateline.model import Actor

# Meetings and support named by a noun in a circumstance of the clause ("*following* talks
# with X, Y agreed", "marched *in* solidarity with X"): the clause's subject took part in
# them (word class ``circumstance_preposition``); and the CAMEO roots this holds for (not
# for attacks: "after an attack on X, Y said" is no attack by Y).
CIRCUMSTANCE_PREPOSITIONS = word_class("circumstance_preposition")
PARTAKEN_ROOTS = (CONSULT_ROOT, DIPLOMATIC_COOPERATION_ROOT)
# "in solidarity with X", "in support of X": a stance the subject acts in. Not meetings:
# "agreed to mediation *in* the talks with X" reports no talks of the subject's.
STANCE_PREPOSITIONS = word_class("stance_preposition")
# Support, material cooperation and shows of force: "in solidarity with X", "in coordination
# with X", "flew low *in a two-day exercise*".
STANCE_ROOTS = (DIPLOMATIC_COOPERATION_ROOT, MATERIAL_COOPERATION_ROOT, FORCE_POSTURE_ROOT)
# Possessive pronouns that bind a part (its forces, their troops) to an actor of the clause.
OWN_POSSESSIVES = ("its ", "their ", "his ", "her ")
# Pronouns the coder resolves within a sentence, and what they can refer to.
PRONOUNS = {
    "he": "person",
    "she": "person",
    "him": "person",
    "her": "person",
    "his": "person",
    "it": "thing",
    "its": "thing",
    "they": "any",
    "them": "any",
    "their": "any",
}
# Relatives and successors: "Trump's predecessor" is not Trump.
RELATION_NOUNS = word_class("relation_noun")


class MentionLike(Protocol):
    start: int
    end: int
    actor: Actor
    head: int
    members: list[Actor]


@dataclass
class Arg:
    actor: Actor
    plural: bool = False


def is_own_part(actor: Actor, sources: list[Arg]) -> bool:
    """A part of a source that a possessive pronoun binds to it ("the UN ... *its* forces":
    the UN's own forces, coded as the source's code with a sector)."""
    if not actor.code or not actor.text.lower().startswith(OWN_POSSESSIVES):
        return False
    return any(
        s.actor.code and actor.code != s.actor.code and actor.code.startswith(s.actor.code)
        for s in sources
    )


def pronoun_antecedent(pronoun: Token, by_token: dict[int, MentionLike]) -> MentionLike | None:
    """What a pronoun stands for, within its sentence.

    "Japan said *it* had halted aid": the subject of a reported clause is the reporter. Else the
    nearest actor before the pronoun that it can refer to (people for he/she, not people for
    it/its).
    """
    wanted = PRONOUNS[pronoun.lower_]

    def fits(mention: MentionLike) -> bool:
        # he/she for people, it/its for the rest; they/their not for one person or "the
        # country" ("the Taliban barring the envoy from the country ... *their* crackdown")
        actor = mention.actor
        if wanted == "any":
            first_rule = (actor.rule or "").split("+")[0]
            # (object "them" keeps the nearest reading: measured on the PLOVER set, it more
            # often ends at an uncoded agent than at a better antecedent)
            person = (
                actor.kind == "person"
                and not first_rule.endswith(":pl")
                and pronoun.lower_ in ("they", "their")
            )
            one_country = first_rule.startswith("ref:")  # "the country"
            return bool(mention.members) or not (person or one_country)
        return (wanted == "person") == (actor.kind == "person")

    # Inside a direct quotation a speaker says "I" or "we": a third-person pronoun there
    # points at someone the quotation itself named, never at the speaker outside it
    # ("They want to sell weapons," X said).
    quoted_from = syntax.quotation_start(pronoun)
    own = sentence_of(pronoun).start
    floor = own if quoted_from is None else max(quoted_from, own)
    clause = head_of(pronoun)
    if pronoun.dep_ in {"nsubj", "nsubjpass"} and clause.dep_ in {
        "ccomp",
        "xcomp",
        "advcl",
        "conj",
    }:
        reporter = syntax.subject_of(head_of(clause))
        if (
            reporter is not None
            and reporter.i != pronoun.i
            and (quoted_from is None or syntax.quotation_start(reporter) == quoted_from)
        ):
            if reporter.i in by_token:
                # "he" is no country; "it" may be the body a spokesperson speaks for
                if wanted != "person" or fits(by_token[reporter.i]):
                    return by_token[reporter.i]
            elif members := [m for m in syntax.prep_objects(reporter, "of") if m.i in by_token]:
                return by_token[members[0].i]  # "a group of X leaders said they ...": X
            elif (
                clause.dep_ == "ccomp"
                and reporter.pos_ in {"NOUN", "PROPN"}
                and (wanted != "person") == (reporter.ent_type_ != "PERSON")
            ):
                # "the outfit said *it* had ...": the reporter is who the pronoun means,
                # even when the resolver could not code it; not an actor named nearer
                # ("in a statement to media").
                return None
    # "X told *Y* they ...": whom a speaker tells is not who the reported "they" are
    addressees = set()
    if clause.dep_ == "ccomp":
        addressees = {
            c.i
            for c in children(head_of(clause))
            if c.dep_ in {"dobj", "dative"} and c.i < pronoun.i
        }
    for i in range(pronoun.i - 1, floor - 1, -1):
        mention = by_token.get(i)
        if (
            mention is not None
            and fits(mention)
            and not is_description(pronoun.doc[i])
            and not addressees & {i, pronoun.doc[i].head.i}
        ):
            return mention
    return None


def partaken(noun: Token, rule: TriggerRule | None) -> bool:
    """Is a meeting or support noun a circumstance of a clause whose subject takes part in
    it ("*following talks with X*, Y agreed", "marched *in solidarity* with X")?"""
    prep = head_of(noun)
    if rule is None or noun.dep_ != "pobj":
        return False
    stance = prep.lower_ in STANCE_PREPOSITIONS and rule.cameo.startswith(STANCE_ROOTS)
    circumstance = stance or (
        rule.cameo.startswith(PARTAKEN_ROOTS) and prep.lower_ in CIRCUMSTANCE_PREPOSITIONS
    )
    if stance and head_of(prep).dep_ == "nsubj" and head_of(prep).pos_ in {"NOUN", "PROPN"}:
        return True  # "Kenyan troops, *in coordination with X*, attacked": the troops' stance
    return circumstance and head_of(prep).pos_ == "VERB" and not syntax.is_passive(head_of(prep))


def is_city(actor: Actor) -> bool:
    """A city or town named as a place (a capital too, which the resolver may read as its
    government), not a country or a body."""
    return (actor.rule or "").startswith("kb:place:")


def is_description(tok: Token) -> bool:
    """A phrase that describes another one rather than naming a referent: "recognized the
    Taliban *as the government*", "X became *the leader*"."""
    head = tok
    while head.dep_ in {"compound", "amod", "poss", "det"} and head_of(head).i != head.i:
        head = head_of(head)
    if head.dep_ in {"attr", "oprd"}:
        return True
    return (
        head.dep_ == "pobj"
        and head_of(head).lower_ == "as"
        and head_of(head_of(head)).pos_ == "VERB"
    )


# Country codes (and the base codes of imported actor dictionaries) are three letters; an
# agent's sector is appended to them ("FRA" + "GOV").
COUNTRY_CODE_LENGTH = 3


def share_head_sector(head: Token, args: list[Arg]) -> list[Arg]:
    """ "the envoys of France, Germany and Britain": the head noun that made the first
    country's actor a government ("the envoys of France": FRAGOV) applies to the countries
    coordinated with it (DEUGOV, GBRGOV), as the resolver does for a shared modifier."""
    phrase = [t.idx for t in syntax.prep_objects(head, "of")]
    model = next(
        (
            a.actor
            for a in args
            if a.actor.sector
            and a.actor.start <= head.idx < a.actor.end
            and any(a.actor.start <= i < a.actor.end for i in phrase)
        ),
        None,
    )
    if model is None:
        return args
    out = []
    for arg in args:
        actor = arg.actor
        if (
            actor.code
            and len(actor.code) == COUNTRY_CODE_LENGTH  # a country (or a dictionary's base)
            and actor.kind not in {"person", "organisation"}
            and actor.sector is None
            and not actor.start <= head.idx < actor.end
        ):
            actor = replace(
                actor,
                code=actor.code + (model.sector or ""),
                sector=model.sector,
                role=model.role,
                kind=model.kind,
                rule=f"{actor.rule}+coordination" if actor.rule else "coordination",
            )
            arg = Arg(actor, arg.plural)
        out.append(arg)
    return out


def quoted(member: Actor, phrase: Actor) -> Actor:
    """A member of a plural reference ("the two delegations"). A member known only from the
    article's salient countries has no words of its own (its name as text, an empty span at
    0): the referring phrase quotes it, so that its offsets cut its text out of the body."""
    if member.start == member.end and member.text:
        return replace(member, text=phrase.text, start=phrase.start, end=phrase.end)
    return member


def same_actor(a: Actor, b: Actor) -> bool:
    if a.start == b.start and a.end == b.end:
        return True
    return bool(a.code) and a.code == b.code and (a.name or "") == (b.name or "")


class PhraseReader:
    """Reads the actors of phrases from a sentence's mentions; ``match`` is the coder's trigger
    matcher (a purpose clause may name the act a force serves)."""

    def __init__(self, match: Callable[[Token], TriggerRule | None]) -> None:
        self.match = match

    def mentions_by_token(
        self, span: Span, mentions: Sequence[MentionLike]
    ) -> dict[int, MentionLike]:
        out: dict[int, MentionLike] = {}
        starts: list[int] | None = None  # the sentence's token offsets, read once
        for m in mentions:
            if m.end <= span.start_char or m.start >= span.end_char:
                continue
            if starts is None:
                starts = token_starts(span.doc)[span.start : span.end]
            # The tokens starting inside the mention: a range of the sorted offsets.
            first, stop = bisect_left(starts, m.start), bisect_left(starts, m.end)
            for k in range(first, stop):
                out[span.start + k] = m
        return out

    def actors_at(self, tok: Token | None, by_token: dict[int, MentionLike]) -> list[Arg]:
        """Actors denoted by the phrase headed by ``tok`` (and its conjuncts, also those of
        its "of" object: "the envoys of France, Germany and Britain")."""
        if tok is None:
            return []
        out: list[Arg] = []
        heads = syntax.expand_conjuncts(tok)
        for child in children(tok):
            if child.dep_ != "appos":
                continue
            listed = syntax.expand_conjuncts(child)
            if len(listed) > 1 and all(t.pos_ == "PROPN" for t in (tok, *listed)):
                # "Mordor, the Shire, Fornost and Bree": a list of names the parser read as
                # an apposition ("the Shire") with its own conjuncts. Not descriptions: "X, an
                # ethnic Uyghur ... and the vice chair of ...".
                heads.extend(listed)
        for subject in syntax.split_subjects(tok):
            heads.extend(syntax.expand_conjuncts(subject))
        for head in heads:
            if head.i in by_token:
                mentions = [by_token[head.i], *self._of_conjuncts(head, by_token)]
            else:
                mentions = self._mention_in_phrase(head, by_token)
            if not mentions and head.lower_ in PRONOUNS:
                antecedent = pronoun_antecedent(head, by_token)
                mentions = [antecedent] if antecedent is not None else []
            args: list[Arg] = []
            for mention in mentions:
                if mention.members:
                    args.extend(Arg(quoted(a, mention.actor), plural=True) for a in mention.members)
                else:
                    args.append(Arg(mention.actor))
            out.extend(share_head_sector(head, args))
        unique: dict[tuple[str | None, int], Arg] = {}
        for arg in out:
            unique.setdefault((arg.actor.code, arg.actor.start), arg)
        return list(unique.values())

    @staticmethod
    def _of_conjuncts(head: Token, by_token: dict[int, MentionLike]) -> list[MentionLike]:
        """Mentions coordinated with the "of" object of ``head`` inside its mention: "the
        envoys of France" is one mention, "Germany and Britain" in "the envoys of France,
        Germany and Britain" others."""
        own = by_token.get(head.i)
        out: list[MentionLike] = []
        for pobj in syntax.prep_objects(head, "of"):
            if by_token.get(pobj.i) is not own:
                continue
            for conjunct in pobj.conjuncts:
                mention = by_token.get(conjunct.i)
                if mention is not None and mention is not own and mention not in out:
                    out.append(mention)
        return out

    def _mention_in_phrase(
        self, head: Token, by_token: dict[int, MentionLike]
    ) -> list[MentionLike]:
        """The mention inside the noun phrase of ``head`` ("the *Chinese* embassy"), nearest
        first, with those coordinated with it ("the condemnation *of X, Y and Z*").

        We do not descend into clauses or prepositional phrases other than "of" and "by", which
        would pick up actors that are not the argument ("talks *with* X" is not the subject);
        "condemned the attack *by* X" is aimed at X.
        """
        named = [by_token[c.i] for c in children(head) if c.dep_ == "appos" and c.i in by_token]
        if head.lemma_.lower() in RELATION_NOUNS:
            # "Trump's predecessor, Joe Biden": the name in apposition, if any, never the
            # one the relative is related to
            return named[:1]
        frontier = [head]
        while frontier:
            nxt = []
            for tok in frontier:
                for child in children(tok):
                    if child.dep_ in {"relcl", "acl", "advcl", "ccomp", "conj", "cc", "appos"}:
                        continue
                    if child.dep_ == "prep" and child.lower_ not in {"of", "by"}:
                        continue
                    if child.i in by_token:
                        found = [by_token[child.i]]
                        for conjunct in child.conjuncts:
                            mention = by_token.get(conjunct.i)
                            if mention is not None and mention not in found:
                                found.append(mention)
                        return found
                    nxt.append(child)
            frontier = nxt
        return []
